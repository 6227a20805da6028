/**
 * A cold Chromium for Lighthouse: a new process with a new, empty profile
 * per run, the launch options of scripts/chromium.ts, headless, and a
 * DevTools port for Lighthouse (and Puppeteer in the flow) to drive it.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import puppeteer, { type Browser } from 'puppeteer-core'
import { chromiumLaunchOptions } from '../chromium.ts'

/**
 * There is no outside network here: every host but this machine fails at
 * once instead of waiting for DNS (remote thumbnails of the shared posts,
 * NexT's icon font on a CDN), the same for both sites.
 */
const ONLY_LOCAL_HOSTS =
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'

export type ColdChromium = { port: number; close(): Promise<void> }

/** Starts Chromium on `port`; resolves once its DevTools endpoint answers. */
export async function launchColdChromium(port: number): Promise<ColdChromium> {
  const { executablePath, args } = chromiumLaunchOptions()
  const profile = await mkdtemp(path.join(os.tmpdir(), 'zixun-lh-'))
  const child = spawn(
    executablePath,
    [
      ...args,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      ONLY_LOCAL_HOSTS,
      'about:blank',
    ],
    { stdio: 'ignore' },
  )
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  )
  const close = async () => {
    child.kill('SIGTERM')
    await exited
    await rm(profile, { recursive: true, force: true })
  }
  for (let tries = 0; tries < 100; tries++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`)
      if (response.ok) return { port, close }
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  await close()
  throw new Error(`bench:web: Chromium did not open port ${port}`)
}

/** Runs `use` with Puppeteer on a cold Chromium, then lets go of both. */
export async function withColdBrowser<T>(
  port: number,
  use: (browser: Browser) => Promise<T>,
): Promise<T> {
  const chromium = await launchColdChromium(port)
  try {
    const browser = await puppeteer.connect({
      browserURL: `http://127.0.0.1:${port}`,
    })
    try {
      return await use(browser)
    } finally {
      await browser.disconnect()
    }
  } finally {
    await chromium.close()
  }
}

import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from '../chromium.ts'
import { e2eDirs } from './corpora.ts'
import type { E2eCorpus } from './corpora.ts'
import { e2ePorts, e2eOrigins } from './ports.ts'
import type { XssCaseSet } from './xss-corpus.ts'

export type E2eSuite = {
  /** Where the specs are. */
  testDir: string
  /** The posts the reader is built from (vite preview and nginx). */
  corpus: E2eCorpus
  /** The payloads of the XSS build. */
  xss: XssCaseSet
}

/**
 * The Playwright configuration of an e2e suite: `npm run test:e2e` (the
 * generated demo corpus and our own payloads) and the browser half of
 * `npm run test:corpora` (the shared posts and DOMPurify's fixtures) share
 * everything but the specs and the data.
 */
export function e2eConfig({ testDir, corpus, xss }: E2eSuite) {
  const server = (command: string, url: string) => ({
    command,
    url,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })
  // Commands run in the folder of the config files, the repository's root.
  const root = path.resolve(import.meta.dirname, '../..')
  const dist = path.relative(root, e2eDirs(corpus).dist)
  return defineConfig({
    testDir,
    fullyParallel: true,
    workers: 2,
    retries: 0,
    forbidOnly: !!process.env.CI,
    reporter: process.env.CI ? [['line']] : [['list']],
    timeout: 30_000,
    use: {
      ...devices['Desktop Chrome'],
      baseURL: e2eOrigins.app,
      launchOptions: chromiumLaunchOptions(),
    },
    webServer: [
      server(
        `tsx scripts/e2e/serve.ts --corpus ${corpus} --port ${e2ePorts.app}`,
        `${e2eOrigins.app}/`,
      ),
      // The XSS corpus (and the input-format fixtures).
      server(
        `tsx scripts/e2e/serve-xss.ts --cases ${xss} --port ${e2ePorts.xss}`,
        `${e2eOrigins.xss}/`,
      ),
      // The same build as the first behind deploy/nginx.conf (hosting and
      // share specs); the script waits until that build wrote index.html.
      server(
        `tsx scripts/hosting/serve-nginx.ts --port ${e2ePorts.nginx} --dist ${dist}`,
        `${e2eOrigins.nginx}/`,
      ),
    ],
  })
}

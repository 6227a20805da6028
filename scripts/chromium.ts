import { existsSync } from 'node:fs'

/**
 * How tests and benchmarks launch Debian's Chromium (Playwright's own
 * browser download does not work here). Fails loudly when it is missing.
 */
export function chromiumLaunchOptions() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install Debian's: apt-get update && apt-get install -y chromium`,
    )
  }
  return {
    executablePath,
    // As root on a machine with no outside network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  }
}

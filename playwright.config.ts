import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './scripts/chromium.ts'

const port = Number(process.env.E2E_PORT ?? 4174)
const xssPort = Number(process.env.E2E_XSS_PORT ?? 4176)
const nginxPort = Number(process.env.E2E_NGINX_PORT ?? 4175)

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['line']] : [['list']],
  timeout: 30_000,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: [
    {
      command: `tsx scripts/e2e/serve.ts --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // The XSS corpus (tests/e2e/xss.spec.ts).
    {
      command: `tsx scripts/e2e/serve-xss.ts --port ${xssPort}`,
      url: `http://127.0.0.1:${xssPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // The same build behind deploy/nginx.conf (hosting and share specs);
    // the script waits until the build above has written index.html.
    {
      command: `tsx scripts/hosting/serve-nginx.ts --port ${nginxPort} --dist .cache/e2e/dist`,
      url: `http://127.0.0.1:${nginxPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})

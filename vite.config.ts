/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { bootScriptPlugin } from './scripts/vite/boot-script-plugin.ts'
import { cspPlugin } from './scripts/vite/csp-plugin.ts'
import { dataDirPlugin } from './scripts/vite/data-dir-plugin.ts'
import { htmlLangPlugin } from './scripts/vite/html-lang-plugin.ts'
import { precompressPlugin } from './scripts/vite/precompress-plugin.ts'
import { prerenderPlugin } from './scripts/vite/prerender-plugin.ts'
import { pwaPlugin } from './scripts/vite/pwa-plugin.ts'

export default defineConfig({
  plugins: [
    react(),
    htmlLangPlugin(),
    bootScriptPlugin(),
    dataDirPlugin(),
    cspPlugin(),
    // Order matters at the end of the build (all three close it, in turn):
    // the pages are written, then the worker's precache is made from the
    // output (it must see shell.html), then the files are compressed.
    ...prerenderPlugin(),
    ...pwaPlugin(),
    precompressPlugin(),
  ],
  resolve: {
    alias: [
      {
        find: '@',
        replacement: fileURLToPath(new URL('./src', import.meta.url)),
      },
      // React Router's package exports only its development build (dev
      // warnings and checks) to bundlers; the production one is the same
      // API without them (decision 027).
      {
        find: /^react-router$/,
        replacement: fileURLToPath(
          new URL(
            './node_modules/react-router/dist/production/index.mjs',
            import.meta.url,
          ),
        ),
      },
    ],
  },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The manifest tells the prerenderer which chunks each route needs.
    manifest: true,
    // Browsers without modulepreload (Safari before 17) skip the hint and
    // load the chunk on import; the polyfill would add to every first load.
    modulePreload: { polyfill: false },
  },
  test: {
    restoreMocks: true,
    // Two cores shared with other jobs: a cold route render has taken 5–6 s
    // under load, past vitest's 5 s default, with nothing wrong.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'reader',
          environment: 'jsdom',
          globalSetup: ['./scripts/testing/search-fixtures.ts'],
          setupFiles: ['./src/testing/setup-tests.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'scripts',
          environment: 'node',
          include: ['scripts/**/*.test.ts'],
        },
      },
      {
        // Data that is not ours (ZIXUN_SHARED_DIR, default ../shared):
        // `npm run test:corpora`, never part of `npm test`.
        extends: true,
        test: {
          name: 'corpora',
          environment: 'node',
          setupFiles: ['./tests/corpora/setup-corpora.ts'],
          include: ['tests/corpora/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
})

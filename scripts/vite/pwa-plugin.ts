import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { SERVICE_WORKER_URL } from '../../src/lib/csp.ts'
import type { ManifestTransform } from 'workbox-build'
import { SHELL_FILE } from '../../src/config/shell.ts'
import { appShellUrl, INDEX_HTML } from '../../src/lib/offline-caches.ts'

/** The page background of each theme (src/styles/app.css), for the browser's UI. */
export const THEME_COLORS = { light: '#fbfaf8', dark: '#161514' } as const

/**
 * What the service worker precaches: the data-free shell (`index.html`,
 * or the separate shell file once the build writes one), the hashed
 * scripts and styles (every route chunk), the icons. Never the data, the
 * prerendered pages or the feeds, so a rebuild that changes only data
 * leaves `sw.js` byte for byte the same (no "new version" for new
 * articles). Paths are relative to the build's output folder.
 */
export const PRECACHE_GLOBS = [
  // One pattern for both, so a build without the shell file gets no warning.
  `{${INDEX_HTML},${SHELL_FILE}}`,
  'assets/**/*.{js,css}',
  '*.{png,ico,svg}',
]

/**
 * Makes the reader an installable app that works offline (decision 023):
 * `sw.js` built from `src/service-worker/sw.ts` (Workbox, injectManifest)
 * with the precache list of `PRECACHE_GLOBS`; `manifest.webmanifest`;
 * the icons rasterised from `public/favicon.svg` at the sizes browsers
 * ask for (192 and 512, maskable 512, Apple's 180, a 64 and favicon.ico),
 * with their `<link>`s in `index.html`. The page registers the worker
 * itself (src/features/offline), through the Trusted Types policy of
 * decision 004, so nothing is injected here.
 */
export function pwaPlugin(): Plugin[] {
  return [...VitePWA(pwaOptions()), themeColorPlugin(), versionPlugin()]
}

/** `<meta name="theme-color">` for each colour scheme (the manifest has one). */
function themeColorPlugin(): Plugin {
  return {
    name: 'zixun-theme-color',
    transformIndexHtml: () =>
      Object.entries(THEME_COLORS).map(([scheme, color]) => ({
        tag: 'meta',
        attrs: {
          name: 'theme-color',
          media: `(prefers-color-scheme: ${scheme})`,
          content: color,
        },
        injectTo: 'head' as const,
      })),
  }
}

/**
 * The deployment's version (`ZIXUN_APP_VERSION`, default package.json's):
 * `<meta name="generator" content="Zixun <version>">` in the shell, and
 * `__ZIXUN_VERSION__` in the code, which marks `<html data-version>` with
 * the version a tab runs. Code, not data, so a data-only rebuild keeps it.
 */
function versionPlugin(): Plugin {
  return {
    name: 'zixun-version',
    config: () => ({
      define: { __ZIXUN_VERSION__: JSON.stringify(appVersion()) },
    }),
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { name: 'generator', content: `Zixun ${appVersion()}` },
        injectTo: 'head',
      },
    ],
  }
}

function appVersion(): string {
  if (process.env.ZIXUN_APP_VERSION) return process.env.ZIXUN_APP_VERSION
  const file = path.resolve(import.meta.dirname, '../../package.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

/**
 * Keeps exactly one HTML file in the precache, the data-free shell: when
 * the build wrote the separate shell file, `index.html` is the
 * prerendered home page (data, changes with every ingest) and goes.
 */
export const keepOnlyTheShell: ManifestTransform = (entries) => {
  const shell = appShellUrl(entries.map((entry) => entry.url)).slice(1)
  const html = (url: string) => url === INDEX_HTML || url === SHELL_FILE
  return {
    manifest: entries.filter(
      (entry) => !html(entry.url) || entry.url === shell,
    ),
    warnings: [],
  }
}

function pwaOptions(): Parameters<typeof VitePWA>[0] {
  return {
    strategies: 'injectManifest',
    srcDir: 'src/service-worker',
    filename: SERVICE_WORKER_URL.slice(1).replace(/\.js$/, '.ts'),
    injectRegister: false,
    // After the prerender (vite.config.ts puts it first): the precache is
    // made from the finished output, with shell.html in it.
    integration: { closeBundleOrder: 'post' },
    manifestFilename: 'manifest.webmanifest',
    injectManifest: {
      globPatterns: PRECACHE_GLOBS,
      globIgnores: ['data/**', 'a/**', 'demo/**'],
      manifestTransforms: [keepOnlyTheShell],
      minify: true,
      sourcemap: false,
    },
    pwaAssets: {
      image: 'public/favicon.svg',
      preset: 'minimal-2023',
      overrideManifestIcons: true,
      injectThemeColor: false,
    },
    manifest: {
      id: '/',
      name: 'Zixun 资讯',
      short_name: '资讯',
      description: 'Zixun 资讯 — a fast, safe news reader',
      lang: 'zh-CN',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: THEME_COLORS.light,
      background_color: THEME_COLORS.light,
      categories: ['news'],
    },
  }
}

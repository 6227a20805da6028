import type { Plugin } from 'vite'
import { buildContentSecurityPolicy } from '../../src/lib/csp.ts'

/**
 * Puts the app's Content-Security-Policy into the built `index.html` as the
 * first `<head>` element. Build only (so `vite preview` serves it too): the
 * dev server injects inline scripts (React Refresh, the Vite client) that
 * this policy forbids.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'zixun-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: buildContentSecurityPolicy('meta'),
          },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

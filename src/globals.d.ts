/** The deployment's version, defined at build time (scripts/vite/pwa-plugin.ts). */
declare const __ZIXUN_VERSION__: string

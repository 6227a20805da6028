/**
 * The folder of the bundle this code runs from when started by bin.mjs
 * (named by the digest of its sources), or undefined when the TypeScript
 * sources run directly (tsx, Vitest).
 */
export const bundleDir: string | undefined = import.meta.url.endsWith('.mjs')
  ? import.meta.dirname
  : undefined

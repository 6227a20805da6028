import { DATA_ROOT } from '@/config/paths'

/**
 * The data files this page loaded so far (Resource Timing), as URLs of
 * our origin under the data root: what the page fetched before a service
 * worker controlled it.
 */
export function dataLoadedSoFar(
  entries: readonly PerformanceEntry[] = performance.getEntriesByType(
    'resource',
  ),
  origin: string = location.origin,
): string[] {
  const urls = new Set<string>()
  for (const entry of entries) {
    const url = new URL(entry.name)
    if (url.origin === origin && url.pathname.startsWith(DATA_ROOT)) {
      urls.add(url.href)
    }
  }
  return [...urls]
}

/**
 * On a first visit the page loads its manifest and first list before the
 * new worker takes control, so the worker never saw them and, offline, the
 * app could not start. Once it controls the page, the page asks for them
 * again, through the worker's routes, which keep them (the HTTP cache
 * answers most: hashed pages are immutable, the manifest a 304).
 */
export async function warmCachesThroughWorker(): Promise<void> {
  await Promise.all(
    dataLoadedSoFar().map((url) =>
      fetch(url, { headers: { accept: 'application/json' } }).catch(
        () => undefined,
      ),
    ),
  )
}

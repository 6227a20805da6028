import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { fixtureArticles } from '../fixtures/articles'
import { buildDataFiles } from '../fixtures/data-files'
import { inject } from 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixtures' search index: path under the data root → base64 bytes. */
    searchFiles: Record<string, string>
  }
}

export const dataFiles = buildDataFiles(fixtureArticles)
/** The fixtures' search index, written by the ingest's writer (vitest global setup). */
export const searchFiles: Record<string, Uint8Array> = Object.fromEntries(
  Object.entries(inject('searchFiles')).map(([path, base64]) => [
    path,
    Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)),
  ]),
)

/** Serves the fixture data at /data/...; unknown files are 404s. */
export const dataHandler = http.get('*/data/*', ({ request }) => {
  const path = decodeURIComponent(
    new URL(request.url).pathname.replace(/^\/data\//, ''),
  )
  const bytes = searchFiles[path]
  if (bytes !== undefined) {
    return path.endsWith('.json')
      ? HttpResponse.json(JSON.parse(new TextDecoder().decode(bytes)))
      : HttpResponse.arrayBuffer(bytes.slice().buffer, {
          headers: { 'content-type': 'application/octet-stream' },
        })
  }
  const body = dataFiles[path]
  return body === undefined
    ? new HttpResponse('Not found', { status: 404 })
    : HttpResponse.json(body)
})

export const server = setupServer(dataHandler)

import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { fixtureArticles } from '../fixtures/articles'
import { buildDataFiles } from '../fixtures/data-files'

export const dataFiles = buildDataFiles(fixtureArticles)

/** Serves the fixture data at /data/...; unknown files are 404s. */
export const dataHandler = http.get('*/data/*', ({ request }) => {
  const path = new URL(request.url).pathname.replace(/^\/data\//, '')
  const body = dataFiles[decodeURIComponent(path)]
  return body === undefined
    ? new HttpResponse('Not found', { status: 404 })
    : HttpResponse.json(body)
})

export const server = setupServer(dataHandler)

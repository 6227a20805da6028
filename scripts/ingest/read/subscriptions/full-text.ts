import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { PostError } from '../../shared/errors.ts'
import { decodeText, fixDoubleEncoding } from '../decode-text.ts'
import { parseContentType } from '../fetch/content-type.ts'
import type { HttpClient } from '../fetch/http-client.ts'

/** Article pages larger than this are not read for their text. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024

/**
 * Fetches an article's page (a URL found inside a feed: guarded, so
 * private addresses are refused unless allowed) and extracts its main
 * content with Mozilla's Readability over linkedom's DOM. The HTML it
 * returns is as untrusted as any feed body: the ingest treats it like one
 * and the reader sanitises it at render. No script runs: linkedom parses,
 * it does not execute.
 */
export async function fetchFullText(
  client: HttpClient,
  url: string,
): Promise<{ html: string } | { reason: string }> {
  const result = await client.get({
    url,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    maxBytes: MAX_PAGE_BYTES,
    guarded: true,
  })
  if (result.kind === 'failed') return { reason: result.reason }
  if (result.kind !== 'ok') return { reason: `HTTP ${result.status}` }
  const { type, charset } = parseContentType(result.contentType)
  if (type !== '' && !/html/.test(type))
    return { reason: `the page is ${type}, not HTML` }
  let html: string
  try {
    html = fixDoubleEncoding(decodeText(result.bytes, { charset }).text)
  } catch (error) {
    return {
      reason: error instanceof PostError ? error.message : String(error),
    }
  }
  return extractMainText(html, result.url)
}

/** The page's main content as HTML, links resolved against `pageUrl`. */
export function extractMainText(
  html: string,
  pageUrl: string,
): { html: string } | { reason: string } {
  const { document } = parseHTML(html)
  if (!document.querySelector('base')) {
    const base = document.createElement('base')
    base.setAttribute('href', pageUrl)
    document.head?.prepend(base)
  }
  let article
  try {
    article = new Readability(document as unknown as Document).parse()
  } catch (error) {
    return { reason: `extraction failed (${(error as Error).message})` }
  }
  const content = article?.content?.trim()
  if (!content || (article?.length ?? 0) < 200)
    return { reason: 'no main text found on the page' }
  return { html: content }
}

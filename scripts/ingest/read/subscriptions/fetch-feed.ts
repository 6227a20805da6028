import { contentHash } from '../../shared/hash.ts'
import { PostError } from '../../shared/errors.ts'
import { decodeText, fixDoubleEncoding, normalizeText } from '../decode-text.ts'
import { parseContentType, isFeedType } from '../fetch/content-type.ts'
import type { HttpClient } from '../fetch/http-client.ts'
import type { GetResult, Hop } from '../fetch/http-types.ts'
import { parseJsonFeed } from '../feeds/parse-json-feed.ts'
import { parseXmlFeed, type Feed } from '../feeds/parse-xml-feed.ts'
import { discoverFeeds } from './discover-feed.ts'

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1'

/** What the last successful fetch left to send next time. */
export type Validators = {
  etag?: string
  lastModified?: string
  bodyHash?: string
}

/** One feed fetched: new content, no change, or a failure with its reason. */
export type FeedFetch = {
  /** The URL that answered (after redirects and autodiscovery). */
  url: string
  status?: number
  hops: Hop[]
  /** The feed URL autodiscovery found on the page the list names. */
  discovered?: string
  notes: string[]
} & (
  | { kind: 'items'; feed: Feed; validators: Validators }
  | { kind: 'unchanged'; validators: Validators }
  | { kind: 'failed'; reason: string; retryAt?: number }
)

/**
 * Fetches a feed with a conditional GET (the validators of its last
 * success), decodes it (charset from header, BOM or declaration) and
 * parses RSS, Atom or JSON Feed. A 304, or a 200 with the very bytes of
 * last time (a server without validators), is `unchanged`. An HTML page is
 * searched for feed links and the first one fetched instead (autodiscovery).
 */
export async function fetchFeed(
  client: HttpClient,
  url: string,
  last: Validators,
  maxBytes: number,
): Promise<FeedFetch> {
  const result = await client.get({
    url,
    accept: FEED_ACCEPT,
    maxBytes,
    ...pick(last),
  })
  return interpret(result, last, maxBytes, client, true)
}

async function interpret(
  result: GetResult,
  last: Validators,
  maxBytes: number,
  client: HttpClient,
  mayDiscover: boolean,
): Promise<FeedFetch> {
  const base = { url: result.url, hops: result.hops, notes: [] as string[] }
  if (result.kind === 'failed') {
    return {
      ...base,
      kind: 'failed',
      reason: result.reason,
      ...(result.status === undefined ? {} : { status: result.status }),
      ...(result.retryAt === undefined ? {} : { retryAt: result.retryAt }),
    }
  }
  const validators = { ...pick(last), ...pick(result) }
  if (result.kind === 'not-modified') {
    return { ...base, status: 304, kind: 'unchanged', validators }
  }
  const status = result.status
  const bodyHash = contentHash(result.bytes)
  if (bodyHash === last.bodyHash) {
    base.notes.push(
      'answered 200 with the same bytes as last time (no conditional GET)',
    )
    return {
      ...base,
      status,
      kind: 'unchanged',
      validators: { ...validators, bodyHash },
    }
  }
  const { type, charset } = parseContentType(result.contentType)
  let text: string
  try {
    text = fixDoubleEncoding(
      normalizeText(decodeText(result.bytes, { charset }).text),
    )
  } catch (error) {
    const what = type === '' ? '' : ` (${type})`
    const why = error instanceof PostError ? error.message : String(error)
    return {
      ...base,
      status,
      kind: 'failed',
      reason: `not a feed${what}: ${why}`,
    }
  }
  if (looksLikeHtml(text)) {
    const links = mayDiscover ? discoverFeeds(text, result.url) : []
    if (links.length === 0) {
      const why = mayDiscover
        ? 'an HTML page that links no feed'
        : 'the discovered feed is an HTML page'
      return { ...base, status, kind: 'failed', reason: `not a feed: ${why}` }
    }
    // The page's validators are not the feed's: ask for it whole.
    const found = await client.get({
      url: links[0],
      accept: FEED_ACCEPT,
      maxBytes,
    })
    const next = await interpret(found, {}, maxBytes, client, false)
    return {
      ...next,
      hops: [...result.hops, ...next.hops],
      discovered: links[0],
      notes: [
        `feed found on the page by autodiscovery: ${links[0]}`,
        ...next.notes,
      ],
    }
  }
  let feed: Feed
  try {
    feed = /^\s*[{[]/.test(text) ? parseJsonFeed(text) : parseXmlFeed(text)
  } catch (error) {
    const why = error instanceof PostError ? error.message : String(error)
    return { ...base, status, kind: 'failed', reason: `invalid feed: ${why}` }
  }
  if (type !== '' && !isFeedType(type))
    base.notes.push(`served as ${type}; read as a feed all the same`)
  base.notes.push(...feed.notes)
  return {
    ...base,
    status,
    kind: 'items',
    feed,
    validators: { ...validators, bodyHash },
  }
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>])/i.test(
    text,
  )
}

function pick(v: { etag?: string; lastModified?: string }) {
  return {
    ...(v.etag ? { etag: v.etag } : {}),
    ...(v.lastModified ? { lastModified: v.lastModified } : {}),
  }
}

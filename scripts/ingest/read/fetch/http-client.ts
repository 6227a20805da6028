import pLimit, { type LimitFunction } from 'p-limit'
import { Agent, fetch, type Response } from 'undici'
import {
  guardedLookup,
  isPublicAddress,
  refuseLiteral,
} from './address-guard.ts'
import { describeNetworkError } from './network-errors.ts'
import type { GetRequest, GetResult, Hop, HttpOptions } from './http-types.ts'
import { splitCredentials } from './redact-url.ts'
import { parseRetryAfter } from './retry-after.ts'

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * The ingest's one HTTP client (undici): at most `concurrency` requests at
 * once and `perHost` to one host; redirects followed by hand (at most
 * `maxRedirects`, loops caught, each hop checked like the first), so every
 * hop is known and a permanent one can be reported; bodies read up to a
 * byte cap (decompressed: gzip, deflate, br); a Retry-After within
 * `retryAfterMaxMs` waited for once. Never throws for a failed request:
 * the result says why.
 */
export class HttpClient {
  private readonly options: HttpOptions
  private readonly open: Agent
  private readonly guarded: Agent
  private readonly all: LimitFunction
  private readonly hosts = new Map<string, LimitFunction>()
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private readonly policy: (ip: string) => boolean

  constructor(options: HttpOptions) {
    this.options = options
    const policy = options.allowPrivate
      ? () => true
      : (options.policy ?? isPublicAddress)
    const agent = (lookup?: ReturnType<typeof guardedLookup>) =>
      new Agent({
        connect: { timeout: options.connectTimeoutMs, lookup },
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      })
    this.open = agent()
    this.guarded = options.allowPrivate
      ? this.open
      : agent(guardedLookup(policy))
    this.policy = policy
    this.all = pLimit(options.concurrency)
    this.now = options.now ?? Date.now
    this.sleep =
      options.sleep ??
      ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  }

  /** GET `request.url` within the limits; waits for a slot on its host first. */
  get(request: GetRequest): Promise<GetResult> {
    const host = hostOf(request.url)
    let limit = this.hosts.get(host)
    if (!limit) {
      limit = pLimit(this.options.perHost)
      this.hosts.set(host, limit)
    }
    // Host slot first: waiting for a busy host holds no global slot.
    return limit(() => this.all(() => this.withRetry(request)))
  }

  /** Closes the connections kept alive. */
  async close(): Promise<void> {
    await Promise.all([this.open.close(), this.guarded.close()])
  }

  private async withRetry(request: GetRequest): Promise<GetResult> {
    const first = await this.follow(request)
    if (first.kind !== 'failed' || first.retryAt === undefined) return first
    const wait = first.retryAt - this.now()
    if (wait > this.options.retryAfterMaxMs) return first
    await this.sleep(Math.max(0, wait))
    return this.follow(request)
  }

  private async follow(request: GetRequest): Promise<GetResult> {
    const hops: Hop[] = []
    let target: { url: string; authorization?: string }
    try {
      target = splitCredentials(request.url)
    } catch {
      return { kind: 'failed', url: request.url, hops, reason: 'not a URL' }
    }
    const origin = new URL(target.url).origin
    const visited = new Set([target.url])
    const signal = AbortSignal.timeout(this.options.timeoutMs)
    for (;;) {
      const url = new URL(target.url)
      const fail = (reason: string, status?: number) =>
        ({ kind: 'failed', url: target.url, hops, reason, status }) as const
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return fail(`not an http(s) URL (${url.protocol})`)
      const refusal = request.guarded && refuseLiteral(url, this.policy)
      if (refusal) return fail(refusal.message)
      let response: Response
      try {
        response = await fetch(url, {
          dispatcher: request.guarded ? this.guarded : this.open,
          redirect: 'manual',
          headers: this.headers(request, target.authorization),
          signal,
        })
      } catch (error) {
        return fail(describeNetworkError(error, this.options))
      }
      if (!REDIRECTS.has(response.status)) {
        return this.finish(request, response, target.url, hops, signal)
      }
      await response.body?.cancel().catch(() => {})
      const location = response.headers.get('location')
      if (!location)
        return fail(
          `HTTP ${response.status} without a Location`,
          response.status,
        )
      const next = new URL(location, url).href
      hops.push({ from: target.url, to: next, status: response.status })
      if (visited.has(next)) return fail('redirect loop', response.status)
      if (hops.length > this.options.maxRedirects)
        return fail(
          `too many redirects (more than ${this.options.maxRedirects})`,
          response.status,
        )
      visited.add(next)
      // Credentials go to the origin they were given for, never further.
      const keepAuth = new URL(next).origin === origin
      target = keepAuth ? { ...target, url: next } : { url: next }
    }
  }

  private headers(
    request: GetRequest,
    authorization: string | undefined,
  ): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent,
      accept: request.accept,
      // undici offers br over https only (as browsers do); feeds on plain
      // http compress just as well.
      'accept-encoding': 'br, gzip, deflate',
    }
    if (authorization) headers.authorization = authorization
    if (request.etag) headers['if-none-match'] = request.etag
    if (request.lastModified)
      headers['if-modified-since'] = request.lastModified
    return headers
  }

  private async finish(
    request: GetRequest,
    response: Response,
    url: string,
    hops: Hop[],
    signal: AbortSignal,
  ): Promise<GetResult> {
    const { status, headers } = response
    const validators = {
      ...optional('etag', headers.get('etag')),
      ...optional('lastModified', headers.get('last-modified')),
    }
    if (status === 304) {
      return { kind: 'not-modified', status, url, hops, ...validators }
    }
    if (status < 200 || status > 299) {
      await response.body?.cancel().catch(() => {})
      const wait = parseRetryAfter(headers.get('retry-after'), this.now())
      const retryAt =
        (status === 429 || status === 503) && wait !== undefined
          ? this.now() + wait
          : undefined
      const text = response.statusText ? ` ${response.statusText}` : ''
      return {
        kind: 'failed',
        status,
        url,
        hops,
        reason: `HTTP ${status}${text}`,
        ...(retryAt === undefined ? {} : { retryAt }),
      }
    }
    const body = await readCapped(response, request.maxBytes, signal)
    if (typeof body === 'string') {
      return {
        kind: 'failed',
        status,
        url,
        hops,
        reason: body.startsWith('timed out')
          ? `${body} after ${this.options.timeoutMs} ms`
          : body,
      }
    }
    const length = Number(headers.get('content-length') ?? Number.NaN)
    return {
      kind: 'ok',
      status,
      url,
      hops,
      bytes: body,
      contentType: headers.get('content-type') ?? '',
      ...(Number.isFinite(length) ? { wireBytes: length } : {}),
      ...validators,
    }
  }
}

/**
 * The body, or why it was not read: over `maxBytes` (announced or while
 * reading, counted after decompression), or cut by the timeout.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer | string> {
  const announced = Number(response.headers.get('content-length'))
  const encoded = (response.headers.get('content-encoding') ?? '') !== ''
  if (!encoded && announced > maxBytes) {
    await response.body?.cancel().catch(() => {})
    return `too large: ${formatSize(announced)} announced, over the ${formatSize(maxBytes)} limit`
  }
  if (!response.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        await reader.cancel().catch(() => {})
        return `too large: over the ${formatSize(maxBytes)} limit`
      }
      chunks.push(value)
    }
  } catch (error) {
    if (signal.aborted) return 'timed out while reading the body'
    return `body not read (${(error as Error).message})`
  }
  return Buffer.concat(chunks, total)
}

function optional<K extends string>(key: K, value: string | null) {
  return value === null ? {} : ({ [key]: value } as Record<K, string>)
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}

/** `1.5 MB`, `300 KB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

import type { HttpOptions } from './http-types.ts'

const CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed (try again later)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed by the server',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
}

/**
 * A short reason for a request that got no answer: a timeout, a refused
 * connection, a refused address… Never the stack, never a local path.
 */
export function describeNetworkError(
  error: unknown,
  options: Pick<HttpOptions, 'timeoutMs' | 'connectTimeoutMs'>,
): string {
  const err = error as { name?: string; message?: string; cause?: unknown }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
    return `timed out after ${options.timeoutMs} ms`
  const cause = (err?.cause ?? err) as {
    code?: string
    name?: string
    message?: string
  }
  if (cause?.name === 'TimeoutError')
    return `timed out after ${options.timeoutMs} ms`
  if (cause?.code === 'ERR_ZIXUN_REFUSED_ADDRESS')
    return cause.message ?? 'refused address'
  if (cause?.code === 'UND_ERR_CONNECT_TIMEOUT')
    return `connect timed out after ${options.connectTimeoutMs} ms`
  if (cause?.code === 'UND_ERR_HEADERS_TIMEOUT')
    return `no response headers within ${options.timeoutMs} ms`
  if (cause?.code === 'UND_ERR_BODY_TIMEOUT')
    return `body stalled for ${options.timeoutMs} ms`
  if (cause?.code && CODES[cause.code]) return CODES[cause.code]
  if (cause?.code) return `network error (${cause.code})`
  return `network error (${cause?.message ?? String(error)})`
}

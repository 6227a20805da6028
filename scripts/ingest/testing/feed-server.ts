import { createHash } from 'node:crypto'
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
) => void | Promise<void>

/** A request the server saw: its path and the headers that matter to tests. */
export type SeenRequest = {
  path: string
  headers: IncomingMessage['headers']
}

/**
 * A local HTTP server for tests and benchmarks, on a loopback address
 * (127.0.0.1, or 127.0.0.2… for a second host) and a free port. Paths are
 * routed to handlers; every request is logged; `latencyMs` delays each
 * answer (the benchmark's 100–300 ms). Never reachable from outside.
 */
export class FeedServer {
  readonly requests: SeenRequest[] = []
  private readonly routes = new Map<string, Handler>()
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  origin = ''

  private constructor(latencyMs?: (path: string) => number) {
    this.server = createServer(async (req, res) => {
      const path = req.url ?? '/'
      this.requests.push({ path, headers: req.headers })
      const delay = latencyMs?.(path) ?? 0
      if (delay > 0) await new Promise((r) => setTimeout(r, delay))
      const handler = this.routes.get(path.split(/[?#]/)[0])
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
        return
      }
      try {
        await handler(req, res)
      } catch {
        if (!res.headersSent) res.writeHead(500)
        res.end()
      }
    })
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  /** Starts a server on `host` (a loopback address). */
  static async start(
    host = '127.0.0.1',
    latencyMs?: (path: string) => number,
  ): Promise<FeedServer> {
    const server = new FeedServer(latencyMs)
    await new Promise<void>((resolve) =>
      server.server.listen(0, host, () => resolve()),
    )
    const { port } = server.server.address() as AddressInfo
    server.origin = `http://${host}:${port}`
    return server
  }

  /** Answers `path` with `handler`; returns the full URL. */
  route(path: string, handler: Handler): string {
    this.routes.set(path, handler)
    return `${this.origin}${path}`
  }

  /** Requests seen for `path` (query ignored). */
  seen(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path.split('?')[0] === path)
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

/** A body and its type, fixed or produced per request (rotating feeds). */
export type Body = { text: string | Buffer; type: string }

/**
 * Serves a body with an ETag and Last-Modified, answering 304 to a
 * matching conditional request, compressed with gzip or br when asked for
 * (or with `encoding` forced). `validators: false` sends neither header.
 */
export function serve(
  body: Body | (() => Body),
  options: {
    validators?: boolean
    encoding?: 'gzip' | 'br'
    headers?: Record<string, string>
  } = {},
): Handler {
  // One compression per body and encoding: the server must not be what a
  // benchmark of the client measures.
  const compressed = new Map<string, Buffer>()
  return (req, res) => {
    const { text, type } = typeof body === 'function' ? body() : body
    const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text)
    const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`
    const modified = 'Mon, 01 Dec 2025 08:00:00 GMT'
    const headers: Record<string, string> = {
      'content-type': type,
      ...options.headers,
    }
    if (options.validators !== false) {
      headers.etag = etag
      headers['last-modified'] = modified
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end()
        return
      }
    }
    const accepted = String(req.headers['accept-encoding'] ?? '')
    const encoding =
      options.encoding ??
      (/\bbr\b/.test(accepted)
        ? 'br'
        : /\bgzip\b/.test(accepted)
          ? 'gzip'
          : undefined)
    let out = bytes
    if (encoding) {
      const key = `${etag} ${encoding}`
      out =
        compressed.get(key) ??
        (encoding === 'gzip'
          ? gzipSync(bytes)
          : brotliCompressSync(bytes, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
            }))
      compressed.set(key, out)
    }
    if (encoding) headers['content-encoding'] = encoding
    headers['content-length'] = String(out.length)
    res.writeHead(200, headers).end(out)
  }
}

/** A redirect to `location` (relative locations are sent as given). */
export function redirect(status: number, location: string): Handler {
  return (_req, res) => {
    res.writeHead(status, { location }).end()
  }
}

/** An answer with a status, optional headers and a short body. */
export function status(
  code: number,
  headers: Record<string, string> = {},
): Handler {
  return (_req, res) => {
    res
      .writeHead(code, { 'content-type': 'text/plain', ...headers })
      .end(`status ${code}`)
  }
}

/** Sends headers, then one byte every `intervalMs`, for as long as the client listens. */
export function drip(intervalMs: number): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' })
    res.write('<?xml version="1.0"?><rss><channel>')
    const timer = setInterval(() => res.write(' '), intervalMs)
    res.on('close', () => clearInterval(timer))
  }
}

/** Streams `bytes` bytes of a never-ending feed, without a Content-Length. */
export function huge(bytes: number, type = 'application/rss+xml'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type })
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    let sent = 0
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    res.on('close', () => (sent = bytes))
    pump()
  }
}

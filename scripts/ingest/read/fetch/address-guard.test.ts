import { afterAll, beforeAll, expect, test } from 'vitest'
import { FeedServer, redirect, serve } from '../../testing/feed-server.ts'
import {
  guardedLookup,
  isPublicAddress,
  refuseLiteral,
} from './address-guard.ts'
import { HttpClient } from './http-client.ts'
import { redactUrl } from './redact-url.ts'

test.each([
  ['127.0.0.1', false],
  ['127.8.9.10', false],
  ['10.1.2.3', false],
  ['172.16.0.1', false],
  ['172.32.0.1', true],
  ['192.168.1.1', false],
  ['169.254.169.254', false],
  ['100.64.0.1', false],
  ['0.0.0.0', false],
  ['224.0.0.1', false],
  ['::1', false],
  ['::', false],
  ['fe80::1', false],
  ['fd00::1', false],
  ['::ffff:127.0.0.1', false],
  ['::ffff:7f00:1', false],
  ['64:ff9b::a00:1', false],
  ['93.184.215.14', true],
  ['2606:2800:21f:cb07:6820:80da:af6b:8b2c', true],
  ['::ffff:93.184.215.14', true],
])('%s is public: %s', (ip, expected) => {
  expect(isPublicAddress(ip)).toBe(expected)
})

test('IP literals and localhost names are refused before any connection', () => {
  expect(
    refuseLiteral(new URL('http://[::1]:8080/x'), isPublicAddress)?.message,
  ).toBe('refused: ::1 is a private address')
  expect(
    refuseLiteral(new URL('http://localhost/x'), isPublicAddress)?.message,
  ).toMatch(/loopback name/)
  expect(
    refuseLiteral(new URL('http://a.localhost/x'), isPublicAddress),
  ).toBeDefined()
  expect(
    refuseLiteral(new URL('https://example.com/x'), isPublicAddress),
  ).toBeUndefined()
})

test('a name that resolves to a private address is refused at lookup time', async () => {
  const lookup = guardedLookup(isPublicAddress)
  const error = await new Promise<Error | null>((resolve) =>
    lookup('localhost', { all: true }, (err) => resolve(err)),
  )
  expect(error?.message).toMatch(
    /^refused: localhost resolves to a private address \((127\.0\.0\.1|::1)\)$/,
  )
})

test('secrets in URLs are redacted for the report', () => {
  expect(
    redactUrl(
      'https://user:pa%20ss@host.example/feed?token=abc&page=2&api_key=k#x',
    ),
  ).toBe('https://***@host.example/feed?token=***&page=2&api_key=***#x')
  expect(redactUrl('https://host.example/feed')).toBe(
    'https://host.example/feed',
  )
  expect(redactUrl('not a url //me:pw@host')).toBe('not a url //***@host')
})

let publicHost: FeedServer
let privateHost: FeedServer
beforeAll(async () => {
  // 127.0.0.2 plays a public site, 127.0.0.1 the private network behind it.
  publicHost = await FeedServer.start('127.0.0.2')
  privateHost = await FeedServer.start('127.0.0.1')
})
afterAll(async () => {
  await publicHost.close()
  await privateHost.close()
})

test('every redirect hop of a guarded request is checked like the first', async () => {
  const secret = privateHost.route(
    '/admin',
    serve({ text: 'secret', type: 'text/plain' }),
  )
  const start = publicHost.route('/article', redirect(302, secret))
  const client = new HttpClient({
    userAgent: 'test',
    connectTimeoutMs: 1000,
    timeoutMs: 1500,
    maxRedirects: 5,
    retryAfterMaxMs: 0,
    concurrency: 2,
    perHost: 1,
    allowPrivate: false,
    policy: (ip) => ip === '127.0.0.2',
  })
  try {
    const result = await client.get({
      url: start,
      accept: '*/*',
      maxBytes: 1000,
      guarded: true,
    })
    expect(result).toMatchObject({
      kind: 'failed',
      reason: 'refused: 127.0.0.1 is a private address',
    })
    expect(privateHost.seen('/admin')).toHaveLength(0)
    // The same request unguarded (a feed from the list) goes through.
    const open = await client.get({ url: start, accept: '*/*', maxBytes: 1000 })
    expect(open.kind).toBe('ok')
  } finally {
    await client.close()
  }
})

import { expect, test } from 'vitest'
import { previewPageFor } from './preview-pages.ts'

const files = new Set([
  'index.html',
  'shell.html',
  'assets/index-abc.js',
  'a/post-1/index.html',
  'c/编程/index.html',
  'c/编程/开源中国/index.html',
  'c/IT 之家/index.html',
])
const html = 'text/html,application/xhtml+xml'
const serve = (url: string, accept = html) =>
  previewPageFor(url, accept, (file) => files.has(file))

test.each([
  ['/', null],
  ['/assets/index-abc.js', null],
  ['/a/post-1', '/a/post-1/index.html'],
  ['/a/post-1/?utm=x', '/a/post-1/index.html?utm=x'],
  // Beyond the prerender limit: the app shell renders the article.
  ['/a/post-2', '/shell.html'],
  ['/c/%E7%BC%96%E7%A8%8B', '/c/%E7%BC%96%E7%A8%8B/index.html'],
  [
    '/c/%E7%BC%96%E7%A8%8B/%E5%BC%80%E6%BA%90%E4%B8%AD%E5%9B%BD/',
    '/c/%E7%BC%96%E7%A8%8B/%E5%BC%80%E6%BA%90%E4%B8%AD%E5%9B%BD/index.html',
  ],
  ['/c/IT%20%E4%B9%8B%E5%AE%B6', '/c/IT%20%E4%B9%8B%E5%AE%B6/index.html'],
  // The category "编程/开源中国" (one name) is not the path 编程 › 开源中国.
  [
    '/c/%E7%BC%96%E7%A8%8B%2F%E5%BC%80%E6%BA%90%E4%B8%AD%E5%9B%BD',
    '/shell.html',
  ],
  ['/c/%E6%B8%B8%E6%88%8F', '/shell.html'],
  ['/search?q=rust', '/shell.html?q=rust'],
  ['/saved', '/shell.html'],
  ['/no/such/page', '/shell.html'],
])('%s → %s', (url, expected) => {
  expect(serve(url)).toBe(expected)
})

test('missing code and data stay plain 404s, and so do non-page requests', () => {
  expect(serve('/assets/gone.js')).toBeNull()
  expect(serve('/data/articles/gone.json')).toBeNull()
  expect(serve('/favicon.ico', 'image/*')).toBeNull()
})

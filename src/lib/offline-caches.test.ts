import { expect, test } from 'vitest'
import { appShellUrl, isHashedData, parsePageMessage } from './offline-caches'

test('takes well-formed shelf messages and SKIP_WAITING', () => {
  expect(parsePageMessage({ type: 'SKIP_WAITING' })).toEqual({
    type: 'SKIP_WAITING',
  })
  expect(
    parsePageMessage({
      type: 'zixun:keep',
      shelf: 'saved',
      items: [{ id: 'a1', images: ['https://img.example/a.jpg'] }],
    }),
  ).toEqual({
    type: 'zixun:keep',
    shelf: 'saved',
    items: [{ id: 'a1', images: ['https://img.example/a.jpg'] }],
    replace: false,
  })
  expect(
    parsePageMessage({ type: 'zixun:release', shelf: 'newest', ids: ['x_2'] }),
  ).toEqual({ type: 'zixun:release', shelf: 'newest', ids: ['x_2'] })
})

test('drops image URLs a page could not load as images', () => {
  const message = parsePageMessage({
    type: 'zixun:keep',
    shelf: 'saved',
    items: [
      {
        id: 'a1',
        images: [
          'javascript:alert(1)',
          'data:image/png;base64,AA',
          '/rel.png',
          42,
          'http://ok.example/b.png',
        ],
      },
    ],
  })
  expect(message).toMatchObject({
    items: [{ id: 'a1', images: ['http://ok.example/b.png'] }],
  })
})

test.each([
  null,
  'SKIP_WAITING',
  { type: 'zixun:keep', shelf: 'other', items: [] },
  { type: 'zixun:keep', shelf: 'saved', items: [{ id: '../etc' }] },
  { type: 'zixun:keep', shelf: 'saved', items: 'a1' },
  { type: 'zixun:release', shelf: 'saved', ids: ['ok', 'not ok'] },
  { type: 'zixun:unknown', shelf: 'saved' },
])('refuses %j', (data) => {
  expect(parsePageMessage(data)).toBeUndefined()
})

test('the shell is the separate shell file once the build has one, else index.html', () => {
  expect(appShellUrl(['index.html', 'assets/a.js'])).toBe('/index.html')
  expect(appShellUrl(['index.html', 'shell.html', 'assets/a.js'])).toBe(
    '/shell.html',
  )
  expect(appShellUrl(['/shell.html?v=1'])).toBe('/shell.html')
})

test('hashed list and search files are cache first; the manifest and the search entry are not', () => {
  expect(isHashedData('/data/pages/all/abc123/1.json')).toBe(true)
  expect(isHashedData('/data/categories/x/abc/2.json')).toBe(true)
  expect(isHashedData('/data/search/shards/ab12cd.bin')).toBe(true)
  expect(isHashedData('/data/search/index.json')).toBe(false)
  expect(isHashedData('/data/manifest.json')).toBe(false)
  expect(isHashedData('/data/articles/a1.json')).toBe(false)
})

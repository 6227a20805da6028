import { expect, test } from 'vitest'
import { keepOnlyTheShell } from './pwa-plugin'

const entry = (url: string) => ({ url, revision: '1', size: 10 })

test('the precache keeps index.html while it is the only shell', async () => {
  const result = await keepOnlyTheShell([entry('index.html'), entry('a.js')])
  expect(result.manifest.map((e) => e.url)).toEqual(['index.html', 'a.js'])
})

test('once the build writes shell.html, index.html (the prerendered home page) leaves the precache', async () => {
  const result = await keepOnlyTheShell([
    entry('index.html'),
    entry('shell.html'),
    entry('a.js'),
  ])
  expect(result.manifest.map((e) => e.url)).toEqual(['shell.html', 'a.js'])
})

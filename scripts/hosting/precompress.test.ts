import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, expect, test } from 'vitest'
import { precompressDir, shouldPrecompress } from './precompress.ts'

test.each([
  ['assets/index-abc123.js', 90_000, true],
  ['assets/index-abc123.css', 8_000, true],
  ['index.html', 30_000, true],
  ['shell.html', 1_200, true],
  ['c/编程/开源中国/index.html', 30_000, true],
  ['data/manifest.json', 9_000, true],
  ['data/pages/k3j4h5/1.json', 12_000, true],
  ['data/categories/ab12/cd34/1.json', 12_000, true],
  ['sitemap.xml', 60_000, true],
  ['demo/images/demo-01.svg', 2_000, true],
  // Files that grow in number with the corpus: compressed on the fly.
  ['data/pages/k3j4h5/2.json', 12_000, false],
  ['data/categories/ab12/cd34/17.json', 12_000, false],
  ['data/articles/x1.json', 12_000, false],
  ['a/x1/index.html', 20_000, false],
  ['data/search/shard-1.bin', 20_000, false],
  // Too small to gain, or not text.
  ['robots.txt', 80, false],
  ['demo/images/photo.jpg', 50_000, false],
  ['assets/index-abc123.js.br', 90_000, false],
])('%s (%i bytes): %s', (file, bytes, expected) => {
  expect(shouldPrecompress(file, bytes)).toBe(expected)
})

const dir = mkdtempSync(path.join(tmpdir(), 'zixun-precompress-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('writes .br and .gz beside the files it picks, which decode to them', async () => {
  const text = 'const greeting = "你好";\n'.repeat(200)
  mkdirSync(path.join(dir, 'assets'))
  mkdirSync(path.join(dir, 'a/x1'), { recursive: true })
  writeFileSync(path.join(dir, 'assets/app.js'), text)
  writeFileSync(path.join(dir, 'a/x1/index.html'), text)
  const result = await precompressDir(dir)
  expect(result.files).toBe(1)
  const file = path.join(dir, 'assets/app.js')
  expect(zlib.brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(
    text,
  )
  expect(zlib.gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(text)
  expect(result.brotliBytes).toBeLessThan(result.gzipBytes)
  expect(() => readFileSync(path.join(dir, 'a/x1/index.html.gz'))).toThrow()
})

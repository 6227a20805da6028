import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { PageWriter } from './page-writer.ts'

const dirs: string[] = []
async function folder() {
  const dir = await mkdtemp(path.join(tmpdir(), 'zixun-writer-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true })))
})

test('writes every file, folders included, and counts the bytes', async () => {
  const dir = await folder()
  const writer = new PageWriter()
  for (let i = 0; i < 1000; i++) {
    await writer.write(path.join(dir, 'a', `p${i}`, 'index.html'), `页 ${i}`)
  }
  const bytes = await writer.close()
  expect(bytes).toBe(
    Array.from({ length: 1000 }, (_, i) => Buffer.byteLength(`页 ${i}`)).reduce(
      (a, b) => a + b,
    ),
  )
  expect(
    await readFile(path.join(dir, 'a', 'p999', 'index.html'), 'utf8'),
  ).toBe('页 999')
})

test('a failed write fails the writer, not silently', async () => {
  const dir = await folder()
  // A file where a folder has to go.
  await writeFile(path.join(dir, 'a'), 'not a folder')
  const writer = new PageWriter()
  await writer.write(path.join(dir, 'a', 'p1', 'index.html'), 'x')
  await expect(writer.close()).rejects.toThrow(/ENOTDIR|EEXIST/)
})

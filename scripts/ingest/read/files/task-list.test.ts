import { expect, test } from 'vitest'
import { TaskList } from './task-list.ts'

test('one root: the report names a file by its path inside the root', () => {
  const tasks = new TaskList()
  const root = tasks.addRoot({ dir: '/data/posts', label: '' })
  tasks.add(root, '编程/开源中国/7-Zip 2200 已发布.md')
  tasks.add(root, ' .md', { size: 12, mtimeMs: 34 })
  expect(tasks.length).toBe(2)
  expect(tasks.get(0)).toEqual({
    path: '/data/posts/编程/开源中国/7-Zip 2200 已发布.md',
    file: '编程/开源中国/7-Zip 2200 已发布.md',
    relPath: '编程/开源中国/7-Zip 2200 已发布.md',
  })
  expect(tasks.get(1)).toEqual({
    path: '/data/posts/ .md',
    file: ' .md',
    relPath: ' .md',
    size: 12,
    mtimeMs: 34,
  })
  // Each call makes a task of its own: readers may fill it in.
  expect(tasks.get(0)).not.toBe(tasks.get(0))
})

test('several roots: labels name the files, and a path two roots share gets its label in relPath too', () => {
  const tasks = new TaskList()
  const a = tasks.addRoot({ dir: '/x/posts', label: 'posts' })
  const b = tasks.addRoot({ dir: '/', label: 'root' })
  tasks.add(a, 'a.md')
  tasks.add(a, 'same.md')
  tasks.add(b, 'same.md')
  tasks.prefixSharedPaths()
  expect([0, 1, 2].map((i) => tasks.get(i))).toEqual([
    { path: '/x/posts/a.md', file: 'posts/a.md', relPath: 'a.md' },
    {
      path: '/x/posts/same.md',
      file: 'posts/same.md',
      relPath: 'posts/same.md',
    },
    { path: '/same.md', file: 'root/same.md', relPath: 'root/same.md' },
  ])
})

test('tasks made elsewhere (a feed history segment) come back as they were pushed, after the files', () => {
  const tasks = new TaskList()
  const root = tasks.addRoot({ dir: '/x/posts', label: '' })
  tasks.add(root, 'a.md')
  const segment = {
    path: '/cache/feeds/k1/2026-12.jsonl',
    file: 'subscriptions/example.com/k1/2026-12.jsonl',
    relPath: 'subscriptions/k1',
  }
  tasks.push(segment, { ...segment, path: '/cache/feeds/k1/2026-11.jsonl' })
  tasks.prefixSharedPaths()
  expect(tasks.length).toBe(3)
  expect(tasks.get(0).file).toBe('a.md')
  expect(tasks.get(1)).toEqual(segment)
  expect(tasks.get(1)).not.toBe(tasks.get(1))
  expect(tasks.file(2)).toBe(segment.file)
  expect(tasks.relPath(2)).toBe('subscriptions/k1')
  expect(tasks.path(2)).toBe('/cache/feeds/k1/2026-11.jsonl')
  // A reader filling in its copy leaves the list's alone.
  tasks.get(1).size = 99
  expect(tasks.get(1).size).toBeUndefined()
})

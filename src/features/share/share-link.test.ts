import { describe, expect, test, vi } from 'vitest'
import { buildShareUrl, shareOrCopy } from './share-link'

const data = { title: '标题 <b>&', url: 'https://news.example/a/abc' }

describe('buildShareUrl', () => {
  test.each([
    ['/a/abc', 'https://news.example', 'https://news.example/a/abc'],
    ['/a/abc', 'http://127.0.0.1:4174', 'http://127.0.0.1:4174/a/abc'],
    ['/a/a-b_C', 'https://news.example/', 'https://news.example/a/a-b_C'],
    [
      '/c/%E7%BC%96%E7%A8%8B',
      'https://x.example',
      'https://x.example/c/%E7%BC%96%E7%A8%8B',
    ],
    ['/c/编程', 'https://x.example', 'https://x.example/c/%E7%BC%96%E7%A8%8B'],
  ])('%s on %s is %s', (href, origin, expected) => {
    expect(buildShareUrl(href, origin)).toBe(expected)
  })

  test('uses the current origin by default', () => {
    expect(buildShareUrl('/a/abc')).toBe(`${window.location.origin}/a/abc`)
  })
})

describe('shareOrCopy', () => {
  test('uses the Web Share API when the browser has it', async () => {
    const share = vi.fn().mockResolvedValue(undefined)
    const writeText = vi.fn()
    expect(await shareOrCopy(data, { share, clipboard: { writeText } })).toBe(
      'shared',
    )
    expect(share).toHaveBeenCalledWith({ title: data.title, url: data.url })
    expect(writeText).not.toHaveBeenCalled()
  })

  test('does nothing more when the reader closes the share sheet', async () => {
    const share = vi.fn().mockRejectedValue(new DOMException('', 'AbortError'))
    const writeText = vi.fn()
    expect(await shareOrCopy(data, { share, clipboard: { writeText } })).toBe(
      'cancelled',
    )
    expect(writeText).not.toHaveBeenCalled()
  })

  test('copies the link when the share sheet is refused', async () => {
    const share = vi
      .fn()
      .mockRejectedValue(new DOMException('', 'NotAllowedError'))
    const writeText = vi.fn().mockResolvedValue(undefined)
    expect(await shareOrCopy(data, { share, clipboard: { writeText } })).toBe(
      'copied',
    )
    expect(writeText).toHaveBeenCalledWith(data.url)
  })

  test('copies the link when there is no Web Share API', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    expect(await shareOrCopy(data, { clipboard: { writeText } })).toBe('copied')
    expect(writeText).toHaveBeenCalledWith(data.url)
  })

  test('asks for a manual copy when the clipboard refuses', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'))
    expect(await shareOrCopy(data, { clipboard: { writeText } })).toBe('manual')
  })

  test('asks for a manual copy when there is neither API', async () => {
    expect(await shareOrCopy(data, {})).toBe('manual')
  })
})

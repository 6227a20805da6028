import { expect, test } from 'vitest'
import { BROKEN_IMAGE_CLASS, hideBrokenImages } from './broken-images'
import { sanitizeArticleHtml } from './sanitize'

test('an article image that fails to load is hidden, others are not', () => {
  const container = document.createElement('div')
  const stop = hideBrokenImages(container)
  container.replaceChildren(
    sanitizeArticleHtml(
      '<img src="https://img.example/gone.jpg"><img src="https://img.example/ok.jpg">',
    ),
  )
  const [gone, ok] = container.querySelectorAll('img')
  gone!.dispatchEvent(new Event('error'))

  expect(gone!.hidden).toBe(true)
  expect(gone!.classList.contains(BROKEN_IMAGE_CLASS)).toBe(true)
  expect(ok!.hidden).toBe(false)

  stop()
  ok!.dispatchEvent(new Event('error'))
  expect(ok!.hidden).toBe(false)
})

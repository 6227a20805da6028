import { fireEvent, render } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { ImageSet } from '@/lib/article-schema'
import { ArticleThumbnail } from './article-thumbnail'

const SET: ImageSet = {
  src: '/data/images/c.jpg',
  srcset:
    '/data/images/a.jpg 160w, /data/images/b.jpg 320w, /data/images/c.jpg 480w',
  sources: [
    {
      type: 'image/avif',
      srcset: '/data/images/a.avif 160w, /data/images/b.avif 320w',
    },
    {
      type: 'image/webp',
      srcset: '/data/images/a.webp 160w, /data/images/b.webp 320w',
    },
  ],
  width: 480,
  height: 360,
}

test('a mirrored thumbnail is a picture of local copies with srcset and sizes, never the remote image', () => {
  const { container } = render(
    <ArticleThumbnail src="https://remote.example/big.jpg" set={SET} />,
  )
  const sources = [...container.querySelectorAll('picture > source')]
  expect(
    sources.map((s) => [
      s.getAttribute('type'),
      s.getAttribute('srcset'),
      s.getAttribute('sizes'),
    ]),
  ).toEqual([
    ['image/avif', SET.sources[0].srcset, '(max-width: 760px) 104px, 160px'],
    ['image/webp', SET.sources[1].srcset, '(max-width: 760px) 104px, 160px'],
  ])
  const img = container.querySelector('picture > img')!
  expect(img.getAttribute('src')).toBe('/data/images/c.jpg')
  expect(img.getAttribute('srcset')).toBe(SET.srcset)
  expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual([
    '480',
    '360',
  ])
  expect(container.innerHTML).not.toContain('remote.example')
})

test('a remote thumbnail stays a plain lazy image, and a broken one leaves the placeholder', () => {
  const { container, getByTestId } = render(
    <ArticleThumbnail src="https://remote.example/a.jpg" />,
  )
  const img = container.querySelector('img')!
  expect(container.querySelector('picture')).toBeNull()
  expect(img.getAttribute('srcset')).toBeNull()
  expect(img.getAttribute('loading')).toBe('lazy')
  fireEvent.error(img)
  expect(getByTestId('thumbnail-placeholder')).toBeInTheDocument()
})

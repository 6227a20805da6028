// @vitest-environment jsdom
import { describe, expect, test } from 'vitest'
import { sanitizeArticleHtml } from '../../../../src/lib/sanitize.ts'
import type { RawPost } from '../../read/input-types.ts'
import { urlResolver } from '../fields/clean-url.ts'
import { toArticle } from '../to-article.ts'
import { applyBodyEdits } from './body-edits.ts'
import { scanHtml } from './html-text.ts'

const LINK = 'https://site.example/posts/1'
const resolve = urlResolver(LINK, false)

function resolved(html: string): string {
  return applyBodyEdits(html, scanHtml(html, resolve).edits)
}

describe('relative URLs in the body resolve against the original link, in the scan that reads it', () => {
  test.each([
    [
      'lazy data-actualsrc (知乎) beside a placeholder src',
      '<img data-actualsrc="img/a.png" src="data:image/gif;base64,R0lGOD">',
      '<img data-actualsrc="https://site.example/posts/img/a.png" src="data:image/gif;base64,R0lGOD">',
    ],
    [
      'lazy data-lazy-src; the tag is written again, its other attributes kept',
      "<img data-lazy-src='../b.png' alt=x>",
      '<img data-lazy-src="https://site.example/b.png" alt="x">',
    ],
    [
      'every candidate of data-srcset and an unquoted srcset',
      '<source data-srcset="c.webp 1x, d,e.webp 2x"><img srcset=f.png>',
      '<source data-srcset="https://site.example/posts/c.webp 1x, https://site.example/posts/d,e.webp 2x"><img srcset="https://site.example/posts/f.png">',
    ],
    [
      'an entity in a value is decoded, then escaped again',
      '<a href="?page=2&amp;sort=new" title="a &quot;b&quot;">next</a>',
      '<a href="https://site.example/posts/1?page=2&amp;sort=new" title="a &quot;b&quot;">next</a>',
    ],
    [
      'names in any case, spaces around =, a self-closing slash',
      '<A HREF = "x.html">x</A><svg><image href="i.svg"/></svg>',
      '<a href="https://site.example/posts/x.html">x</A><svg><image href="https://site.example/posts/i.svg" /></svg>',
    ],
    [
      'absolute, fragment, mailto, data: and empty values stay as written',
      `<a href='https://other.example/a'>a</a><a href="#top">t</a><a href="mailto:a@b.c">m</a><img src="">`,
      `<a href='https://other.example/a'>a</a><a href="#top">t</a><a href="mailto:a@b.c">m</a><img src="">`,
    ],
    [
      'markup in a comment or in text is not an attribute',
      '<!-- <img src="x.png"> --><p>set src="y.png" here</p>',
      '<!-- <img src="x.png"> --><p>set src="y.png" here</p>',
    ],
  ])('%s', (_name, html, expected) => {
    expect(resolved(html)).toBe(expected)
  })

  test('without a resolver nothing but pseudo-tags is edited', () => {
    const html = '<img data-src="a.png"><p>wsl -d <DistroName></p>'
    expect(applyBodyEdits(html, scanHtml(html).edits)).toBe(
      '<img data-src="a.png"><p>wsl -d &lt;DistroName></p>',
    )
  })
})

test('a relative lazy image shows in the reader: the sanitiser promotes the resolved URL', () => {
  const raw: RawPost = {
    file: 'feed.xml#1',
    relPath: 'feed.xml#1',
    data: { title: '懒加载', date: '2024-01-01', link: LINK },
    html: '<p>图</p><img src="/static/loading.gif" data-actualsrc="pics/1.jpg"><picture><source data-srcset="pics/1.webp 2x"><img data-lazy-src="pics/2.jpg"></picture>',
    categoryStyle: 'flat',
  }
  const { article } = toArticle(raw, { timeZone: 'UTC' })
  // What the reader inserts (ArticleBody): the sanitised fragment.
  const shown = sanitizeArticleHtml(article.content_html)
  const sources = [...shown.querySelectorAll('img, source')].map(
    (el) => el.getAttribute('src') ?? el.getAttribute('srcset'),
  )
  expect(sources).toEqual([
    'https://site.example/posts/pics/1.jpg',
    'https://site.example/posts/pics/1.webp 2x',
    'https://site.example/posts/pics/2.jpg',
  ])
  expect(article.image).toBe('https://site.example/posts/pics/1.jpg')
})

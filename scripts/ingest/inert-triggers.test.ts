import { describe, expect, test } from 'vitest'
import { applyBodyEdits, pseudoTagEdits } from './body-html.ts'
import { scanHtml } from './html-text.ts'

function clean(html: string): string {
  const scan = scanHtml(html)
  return applyBodyEdits(html, [
    ...pseudoTagEdits(scan.pseudoTags),
    ...scan.inertEdits,
  ])
}

describe('bodies lose inline script and style at ingest', () => {
  test.each([
    ['<p style="color:red">a</p>', '<p>a</p>'],
    ['<img src="x.png" onerror="alert(1)" alt="">', '<img src="x.png" alt="">'],
    ['<a href="/x" onclick>ZAKER</a>', '<a href="/x">ZAKER</a>'],
    ['<br ONLOAD=x />', '<br />'],
    ['a<script>alert(1)</script>b', 'ab'],
    ['a<style>p{color:red}</style>b', 'ab'],
    ['<style>x', ''],
    [
      '<p title="a &amp; &quot;b&quot;" style=x>t</p>',
      '<p title="a &amp; &quot;b&quot;">t</p>',
    ],
  ])('%s', (input, expected) => {
    expect(clean(input)).toBe(expected)
  })

  test('tags without triggers stay byte-exact', () => {
    const html = `<div class="content"><p align=center>x</p><img data-original='a.jpg' src=b.jpg></div>`
    expect(clean(html)).toBe(html)
  })

  test('pseudo-tags meant as text are still escaped', () => {
    expect(clean('wsl --install -d <DistroName> now')).toBe(
      'wsl --install -d &lt;DistroName> now',
    )
  })
})

import { describe, expect, test } from 'vitest'
import { mayHoldTrigger, stripInlineScript } from './strip-inline-script.ts'
import { triggersIn } from './triggers-in.ts'

describe('bodies lose inline script and style at ingest', () => {
  test.each([
    ['<p style="color:red">a</p>', '<p>a</p>'],
    ['<img src="x.png" onerror="alert(1)" alt="">', '<img src="x.png" alt="">'],
    ['<a href="/x" onclick>ZAKER</a>', '<a href="/x">ZAKER</a>'],
    ['<img/onerror=alert(1) src=x>', '<img src="x">'],
    ['a<script>alert(1)</script>b', 'ab'],
    ['a<style>p{color:red}</style>b', 'ab'],
    ['<svg><style>x</style></svg>', '<svg></svg>'],
    ['<body onload=alert(1)>text', 'text'],
    ['<img alt=">" onerror=x>', '<img alt="&gt;">'],
    ['<img alt="a<b>c" onerror=x>', '<img alt="a&lt;b&gt;c">'],
    ["<p>it's <img src=x onerror=y></p>", '<p>it\'s <img src="x"></p>'],
    ['<a title=x<y onclick=z>a</a>', '<a title="x&lt;y">a</a>'],
    ['<img src="x"onerror=y>', '<img src="x">'],
  ])('%s', (input, expected) => {
    expect(stripInlineScript(input)).toBe(expected)
  })

  test('bodies with nothing to remove stay byte-exact', () => {
    const html = `<div class="content"><p align=center>x</p><img data-original='a.jpg' src=b.jpg></div>`
    expect(stripInlineScript(html)).toBe(html)
    // Prose that merely contains "on…" or "style" is not parsed at all.
    const prose = `<P>One of the online tools, in style. It's <B>one</B> “only once”</P>`
    expect(mayHoldTrigger(prose)).toBe(false)
    expect(stripInlineScript(prose)).toBe(prose)
  })

  test('parser differentials are cleaned as the browser parses them', () => {
    const html = `<svg></p><title><a id="</title><img src=x onerror=alert()>">`
    expect(triggersIn(html)).toEqual(['onerror'])
    expect(triggersIn(stripInlineScript(html))).toEqual([])
  })
})

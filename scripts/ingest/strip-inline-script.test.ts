import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse, type DefaultTreeAdapterTypes } from 'parse5'
import { describe, expect, test } from 'vitest'
import { mayHoldTrigger, stripInlineScript } from './strip-inline-script.ts'

const fixturesPath = fileURLToPath(
  new URL('../../../shared/xss/dompurify-fixtures.json', import.meta.url),
)

/** Script- or style-capable parts of `html` as a browser parses it. */
function triggersIn(html: string): string[] {
  const found: string[] = []
  const visit = (node: DefaultTreeAdapterTypes.ChildNode) => {
    if (!('tagName' in node)) return
    if (node.tagName === 'script' || node.tagName === 'style') {
      found.push(`<${node.tagName}>`)
    }
    for (const attr of node.attrs) {
      if (/^(on|style$)/i.test(attr.name)) found.push(attr.name)
    }
    const content = (
      node as { content?: { childNodes: typeof node.childNodes } }
    ).content
    for (const child of [...node.childNodes, ...(content?.childNodes ?? [])]) {
      visit(child)
    }
  }
  parse(`<remove></remove>${html}`).childNodes.forEach(visit)
  return found
}

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

  test('no DOMPurify fixture keeps a trigger, and the result is stable', () => {
    const fixtures = JSON.parse(readFileSync(fixturesPath, 'utf8')) as {
      id: string
      payload: string
    }[]
    const dirty = fixtures.filter((f) => triggersIn(f.payload).length > 0)
    expect(dirty.length).toBeGreaterThan(50)
    for (const { id, payload } of dirty) {
      expect([id, mayHoldTrigger(payload)]).toEqual([id, true])
    }
    for (const { id, payload } of fixtures) {
      const clean = stripInlineScript(payload)
      expect([id, triggersIn(clean)]).toEqual([id, []])
      expect([id, stripInlineScript(clean)]).toEqual([id, clean])
    }
  })
})

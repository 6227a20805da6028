import { describe, expect, test } from 'vitest'
import { findScriptResidue } from '@/testing/find-script-residue'
import {
  EMBED_CLASS,
  sanitizeArticleHtml,
  sanitizeArticleHtmlToString as clean,
} from './sanitize'

const ALERT_IMG = '<img src=x onerror=alert(1)>'
const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

/** Sanitises into a live container, the way ArticleBody does. */
function render(dirty: string): HTMLDivElement {
  const container = document.createElement('div')
  container.replaceChildren(sanitizeArticleHtml(dirty))
  return container
}

/** Every case: nothing script-capable survives, and a second pass is a no-op. */
function expectSafe(dirty: string) {
  expect(findScriptResidue(render(dirty))).toEqual([])
  const once = clean(dirty)
  expect(clean(once)).toBe(once)
  return once
}

describe('attack classes', () => {
  test.each([
    ['svg namespace confusion', `<svg><p><style><img src=x onerror=alert(1)>`],
    [
      'math + table mXSS',
      `<math><mtext><table><mglyph><style><!--</style>${ALERT_IMG}`,
    ],
    [
      'DOMPurify 2.0.17 form/math bypass',
      `<form><math><mtext></form><form><mglyph><style></math>${ALERT_IMG}`,
    ],
    [
      'noscript re-parse',
      `<noscript><p title="</noscript>${ALERT_IMG}"></noscript>`,
    ],
    ['style raw text', `<style>${ALERT_IMG}</style>`],
    ['title raw text', `<title>${ALERT_IMG}</title>`],
    ['textarea raw text', `<textarea>${ALERT_IMG}</textarea>`],
    ['xmp raw text', `<xmp>${ALERT_IMG}</xmp>`],
    ['nested forms', `<form><form action=javascript:alert(1)><input></form>`],
    [
      'template',
      `<template>${ALERT_IMG}</template><template><script>x</script>`,
    ],
    ['srcdoc', `<iframe srcdoc="<script>alert(1)</script>"></iframe>`],
    [
      'formaction',
      `<button formaction=javascript:alert(1)>go</button><input type=image formaction=javascript:alert(1)>`,
    ],
    [
      'xlink:href',
      `<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg><math><a xlink:href="javascript:alert(1)">y</a></math>`,
    ],
    [
      'CSS url(javascript:)',
      `<div style="background:url(javascript:alert(1))">a</div>`,
    ],
    ['CSS expression()', `<p style="width:expression(alert(1))">b</p>`],
    [
      'page overlay',
      `<div style="position:fixed;inset:0;z-index:99999;background:#fff">pay here</div>`,
    ],
    ['base', `<base href="https://evil.example/">`],
    [
      'meta refresh',
      `<meta http-equiv=refresh content="0;url=javascript:alert(1)">`,
    ],
    ['link', `<link rel=stylesheet href="https://evil.example/x.css">`],
    [
      'object/embed',
      `<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">`,
    ],
    [
      'popover',
      `<button popovertarget=p>x</button><div popover id=p commandfor=p command=show-modal>y</div>`,
    ],
    [
      'event handlers',
      `<p onclick=alert(1) onmouseover="alert(1)">c</p><video onloadstart=alert(1)><source></video>`,
    ],
    [
      'details toggle',
      `<details open ontoggle=alert(1)><summary>s</summary>d</details>`,
    ],
    ['javascript: link', `<a href="javascript:alert(1)">d</a>`],
    [
      'entity-encoded scheme',
      `<a href="java&#x09;script&colon;alert(1)">e</a>`,
    ],
    ['vbscript: link', `<a href="vbscript:msgbox(1)">f</a>`],
    ['data: link', `<a href="data:text/html,<script>alert(1)</script>">g</a>`],
    [
      'data: svg image',
      `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
    ],
    ['data: video', `<video src="data:video/mp4;base64,AAAA"></video>`],
    ['is attribute', `<b is="x-evil">bar</b>`],
  ])('%s', (_name, dirty) => {
    expectSafe(dirty)
  })

  test('raw text never comes back as markup', () => {
    const container = render(`<textarea>${ALERT_IMG}</textarea>`)
    expect(container.querySelector('img')).toBeNull()
  })

  test('DOM clobbering: no id or name survives', () => {
    const html = expectSafe(
      `<img name=getElementById src=https://a.example/x.png><a id=location href=https://a.example/>x</a><form name=cookie><p id=defaultView>y</p></form>`,
    )
    expect(html).not.toMatch(/\s(?:id|name)=/)
  })

  test('no style attribute is kept, so content cannot restyle the page', () => {
    expect(expectSafe(`<p style="text-align:center">t</p>`)).toBe('<p>t</p>')
  })

  test('hidden content and 1×1 tracking pixels are dropped', () => {
    expect(
      expectSafe(
        `<p>a</p><div hidden>spam</div><img src="https://t.example/p.gif" width=1 height=1>`,
      ),
    ).toBe('<p>a</p>')
  })
})

describe('links', () => {
  test('open in a new tab without opener or referrer', () => {
    expect(
      expectSafe(
        `<a href="https://example.com/a" target=_self rel=opener>x</a>`,
      ),
    ).toBe(
      '<a href="https://example.com/a" target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">x</a>',
    )
  })

  test('referrerpolicy from the content is overridden', () => {
    expect(
      render(`<a href="https://e.example/" referrerpolicy=unsafe-url>x</a>`)
        .querySelector('a')
        ?.getAttribute('referrerpolicy'),
    ).toBe('no-referrer')
  })

  test.each([
    [
      'https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fsourceforge.net%2Fp%2Fsevenzip%2F',
      'https://sourceforge.net/p/sevenzip/',
    ],
    [
      'https://link.juejin.cn/?target=https%3A%2F%2Fvuejs.org%2F',
      'https://vuejs.org/',
    ],
    [
      'https://www.oschina.net/action/GoToLink?url=javascript%3Aalert(1)',
      'https://www.oschina.net/action/GoToLink?url=javascript%3Aalert(1)',
    ],
    ['mailto:news@example.com', 'mailto:news@example.com'],
    ['/a/other-article', '/a/other-article'],
    ['//cdn.example.com/x', 'https://cdn.example.com/x'],
  ])('href %s becomes %s', (href, expected) => {
    expect(
      render(`<a href="${href}">x</a>`)
        .querySelector('a')
        ?.getAttribute('href'),
    ).toBe(expected)
  })

  test('a bare #fragment link becomes text (ids are removed)', () => {
    expect(expectSafe(`<a href="#fn1">1</a>`)).toBe('<a>1</a>')
  })
})

describe('images', () => {
  test('are lazy, async and sent without a referrer; size is kept', () => {
    expect(
      expectSafe(
        `<img src="https://img.example/a.jpg" width="640" height="360" alt="a" referrerpolicy="unsafe-url" loading="eager">`,
      ),
    ).toBe(
      '<img src="https://img.example/a.jpg" width="640" height="360" alt="a" loading="lazy" decoding="async" referrerpolicy="no-referrer">',
    )
  })

  test('the ZAKER lazy image uses data-original, not the CORS proxy', () => {
    const img = render(
      `<img class="lazy opacity_0 " id="img_0" data-original="http://zkres1.myzaker.com/202108/a_1024.jpg" data-height="1596" data-width="1080" src="https://cors.zfour.workers.dev/?http://zkres1.myzaker.com/202108/a_1024.jpg" referrerpolicy="no-referrer">`,
    ).querySelector('img')
    expect(img?.getAttribute('src')).toBe(
      'http://zkres1.myzaker.com/202108/a_1024.jpg',
    )
    expect(img?.hasAttribute('class')).toBe(false)
  })

  test.each([
    [
      'a 1×1 gif placeholder',
      `src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="https://img.example/b.jpg"`,
    ],
    ['no src at all', `data-src="https://img.example/b.jpg"`],
  ])('data-src replaces %s', (_name, attributes) => {
    expect(
      render(`<img ${attributes}>`).querySelector('img')?.getAttribute('src'),
    ).toBe('https://img.example/b.jpg')
  })

  test('an unsafe data-src never replaces a good src', () => {
    expect(
      render(
        `<img src="https://img.example/c.jpg" data-src="javascript:alert(1)">`,
      )
        .querySelector('img')
        ?.getAttribute('src'),
    ).toBe('https://img.example/c.jpg')
  })

  test('a raster data: image is kept, an image without a usable src is dropped', () => {
    expect(
      render(`<img src="${PNG_1PX}" alt="dot">`).querySelector('img')?.src,
    ).toBe(PNG_1PX)
    expect(expectSafe(`<img src="javascript:alert(1)">`)).toBe('')
  })

  test('every srcset candidate is checked', () => {
    const html = expectSafe(
      `<img src="https://a.example/1.jpg" srcset="https://a.example/1.jpg 1x, javascript:alert(1) 2x, https://a.example/w_100,h_50/3.jpg 3x, data:image/png;base64,AAAA 4x">`,
    )
    expect(html).toContain(
      'srcset="https://a.example/1.jpg 1x, https://a.example/w_100,h_50/3.jpg 3x"',
    )
  })

  test('picture sources keep their checked srcset', () => {
    const html = expectSafe(
      `<picture><source type="image/webp" srcset="https://a.example/x.webp 1x, vbscript:x 2x"><img src="https://a.example/x.jpg"></picture>`,
    )
    expect(html).toContain(
      '<source type="image/webp" srcset="https://a.example/x.webp 1x">',
    )
  })
})

describe('media and embeds', () => {
  test('video and audio always have controls and never autoplay', () => {
    const html = expectSafe(
      `<video autoplay muted loop src="https://v.example/a.mp4" poster="https://v.example/a.jpg"><source src="https://v.example/a.webm" type="video/webm"></video><audio autoplay src="https://v.example/a.mp3"></audio>`,
    )
    expect(html).toBe(
      '<video src="https://v.example/a.mp4" poster="https://v.example/a.jpg" controls="" preload="none"><source src="https://v.example/a.webm" type="video/webm"></video><audio src="https://v.example/a.mp3" controls="" preload="none"></audio>',
    )
  })

  test.each([
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    'https://player.vimeo.com/video/76979871',
    'https://player.bilibili.com/player.html?bvid=BV1xx411c7mD',
  ])('the %s player is kept, sandboxed, lazy and responsive', (src) => {
    const iframe = render(
      `<iframe src="${src}" width=560 height=315 allow="camera; microphone; autoplay" allowfullscreen onload=alert(1) srcdoc="x"><p>fallback</p></iframe>`,
    ).querySelector('iframe')
    expect(iframe?.getAttribute('src')).toBe(src)
    expect(iframe?.getAttribute('sandbox')).toBe(
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
    )
    expect(iframe?.getAttribute('allow')).toBe(
      'fullscreen; picture-in-picture; encrypted-media',
    )
    expect(iframe?.getAttribute('loading')).toBe('lazy')
    expect(iframe?.getAttribute('class')).toBe(EMBED_CLASS)
    expect(iframe?.hasAttribute('srcdoc')).toBe(false)
    expect(iframe?.childNodes).toHaveLength(0)
    expectSafe(`<iframe src="${src}"></iframe>`)
  })

  test.each([
    ['another site', 'https://evil.example/embed'],
    ['plain http', 'http://www.youtube.com/embed/x'],
    [
      'a YouTube page that is not a player',
      'https://www.youtube.com/watch?v=x',
    ],
    ['a look-alike host', 'https://www.youtube.com.evil.example/embed/x'],
  ])('an iframe from %s becomes a link', (_name, src) => {
    const container = render(`<iframe src="${src}"></iframe>`)
    expect(container.querySelector('iframe')).toBeNull()
    expect(container.querySelector('a')?.getAttribute('href')).toBe(src)
    expectSafe(`<iframe src="${src}"></iframe>`)
  })

  test('an iframe with a script URL disappears', () => {
    expect(expectSafe(`<iframe src="javascript:alert(1)"></iframe>`)).toBe('')
  })
})

describe('content that reads well', () => {
  test('semantic text, tables and code are kept', () => {
    const dirty =
      '<h2>标题</h2><p>正文 <strong>重点</strong> <em>强调</em> <code>x &lt; y</code></p>' +
      '<blockquote><p>引用</p></blockquote><ul><li>一</li></ul><ol start="3"><li>三</li></ol>' +
      '<table><thead><tr><th scope="col">名</th></tr></thead><tbody><tr><td colspan="2">值</td></tr></tbody></table>' +
      '<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>' +
      '<figure><img src="https://img.example/f.jpg" alt="图"><figcaption>说明</figcaption></figure>'
    expect(expectSafe(dirty)).toBe(
      dirty.replace(
        'alt="图">',
        'alt="图" loading="lazy" decoding="async" referrerpolicy="no-referrer">',
      ),
    )
  })
})

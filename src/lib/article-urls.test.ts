import { describe, expect, test } from 'vitest'
import { toSafeSrcset, toSafeUrl, unwrapRedirect } from './article-urls'

describe('toSafeUrl', () => {
  test.each([
    ['https://example.com/a b', 'link', 'https://example.com/a%20b'],
    ['  HTTPS://Example.com/  ', 'link', 'https://example.com/'],
    ['mailto:a@example.com', 'link', 'mailto:a@example.com'],
    ['mailto:a@example.com', 'image', null],
    ['java\tscript:alert(1)', 'link', null],
    ['\u0001javascript:alert(1)', 'link', null],
    ['JAVASCRIPT:alert(1)', 'link', null],
    ['vbscript:x', 'link', null],
    ['data:text/html,<b>', 'link', null],
    [
      'data:image/png;base64,iVBORw0KGgo=',
      'image',
      'data:image/png;base64,iVBORw0KGgo=',
    ],
    ['data:image/png;base64,iVBORw0KGgo=', 'media', null],
    ['data:image/svg+xml;base64,PHN2Zz4=', 'image', null],
    ['data:image/png,<svg onload=alert(1)>', 'image', null],
    ['file:///etc/passwd', 'image', null],
    ['ftp://example.com/x', 'link', null],
    ['//cdn.example.com/x.jpg', 'image', 'https://cdn.example.com/x.jpg'],
    ['/demo/images/a.svg', 'image', '/demo/images/a.svg'],
    ['../x?y=1#z', 'link', '/x?y=1#z'],
    ['#top', 'link', null],
    ['', 'link', null],
    [
      'https://www.youtube.com/embed/x',
      'embed',
      'https://www.youtube.com/embed/x',
    ],
    ['https://www.youtube.com:8443/embed/x', 'embed', null],
    ['http://player.vimeo.com/video/1', 'embed', null],
  ] as const)('%j as %s → %j', (raw, use, expected) => {
    expect(toSafeUrl(raw, use)).toBe(expected)
    if (expected) expect(toSafeUrl(expected, use)).toBe(expected)
  })
})

describe('unwrapRedirect', () => {
  test.each([
    [
      'https://www.oschina.net/action/GoToLink?url=https%3A%2F%2Fgithub.com%2Fa',
      'https://github.com/a',
    ],
    [
      'https://link.zhihu.com/?target=https%3A%2F%2Flink.juejin.cn%2F%3Ftarget%3Dhttps%253A%252F%252Fexample.com%252F',
      'https://example.com/',
    ],
    ['https://www.oschina.net/action/GoToLink?url=%2Frelative', null],
    [
      'https://www.oschina.net/action/GoToLink?url=data%3Atext%2Fhtml%2Cx',
      null,
    ],
    ['https://www.oschina.net/news/1', null],
  ])('%s', (wrapped, target) => {
    expect(unwrapRedirect(new URL(wrapped)).href).toBe(target ?? wrapped)
  })
})

describe('toSafeSrcset', () => {
  test.each([
    ['a.jpg 1x', '/a.jpg 1x'],
    [
      'https://a.example/1.jpg 480w,https://a.example/2.jpg 960w',
      'https://a.example/1.jpg 480w, https://a.example/2.jpg 960w',
    ],
    [
      'https://a.example/1.jpg, javascript:alert(1) 2x',
      'https://a.example/1.jpg',
    ],
    ['https://a.example/x,y.jpg 1.5x', 'https://a.example/x,y.jpg 1.5x'],
    ['https://a.example/1.jpg 1x onerror=alert(1)', null],
    ['data:image/png;base64,AAAA 1x', null],
    [' , ,', null],
  ])('%j → %j', (raw, expected) => {
    expect(toSafeSrcset(raw)).toBe(expected)
    if (expected) expect(toSafeSrcset(expected)).toBe(expected)
  })
})

import { describe, expect, test } from 'vitest'
import { deriveId } from './fields/article-id.ts'
import { readCategories } from './fields/categories.ts'
import {
  cleanUrl,
  isPlaceholderImage,
  resolveUrl,
  unwrapProxy,
  urlResolver,
} from './fields/clean-url.ts'
import { scanHtml } from './body/html-text.ts'
import { looksLikeHtml, renderBody } from '../read/posts/render-body.ts'
import { pickThumbnail } from './fields/thumbnail.ts'
import { cleanTitle, fallbackTitle } from './fields/title.ts'

describe('scanHtml', () => {
  test.each([
    [
      'decodes entities',
      '<p>a &#123;b&#125; &amp; &lt;c&gt;</p>',
      'a {b} & <c>',
    ],
    [
      'drops style and script content',
      '<style>.a&#123;x:1&#125;</style><p>hi</p><script>x()</script>',
      'hi',
    ],
    [
      'collapses whitespace, U+3000 and NBSP',
      '<p>a   \n\t b\u3000\u3000c\u00a0d</p>',
      'a b c d',
    ],
    ['separates blocks', '<p>one</p><p>two</p><li>three</li>', 'one two three'],
    [
      'keeps text pseudo-tags',
      '<p>wsl --install -d <DistroName></p><p>next</p>',
      'wsl --install -d <DistroName> next',
    ],
    ['plain text without tags', '今天，11家物业', '今天，11家物业'],
  ])('%s', (_name, html, text) => {
    expect(scanHtml(html).text).toBe(text)
  })

  test('finds images, honouring lazy-loading attributes and sizes', () => {
    const html =
      '<img src="data:image/gif;base64,xx"><img class="lazy" data-original="http://a/1.jpg" src="https://proxy/?http://a/1.jpg" data-width="1080" data-height="1596">' +
      '<img data-src="https://b/2.png" width="10" height="20px"><img alt>'
    expect(scanHtml(html).images).toEqual([
      { src: 'http://a/1.jpg', width: 1080, height: 1596 },
      { src: 'https://b/2.png', width: 10, height: 20 },
    ])
  })
})

describe('readCategories', () => {
  test.each([
    [
      'Hexo list = one path',
      { categories: ['编程', '开源中国', '资讯'] },
      'hierarchical',
      [['编程', '开源中国', '资讯']],
    ],
    [
      'list of lists = several paths',
      { categories: [['A', 'B'], ['C']] },
      'hierarchical',
      [['A', 'B'], ['C']],
    ],
    [
      'mixed list',
      { categories: ['A', ['B', 'C']] },
      'hierarchical',
      [['A'], ['B', 'C']],
    ],
    ['plain string', { categories: 'IT 之家' }, 'hierarchical', [['IT 之家']]],
    ['singular key', { category: 'News' }, 'hierarchical', [['News']]],
    [
      'flat list (Jekyll/Hugo)',
      { categories: ['a', 'b'] },
      'flat',
      [['a'], ['b']],
    ],
    [
      'tags when no categories',
      { tags: ['x', 'y'] },
      'hierarchical',
      [['x'], ['y']],
    ],
    ['comma string tags', { tags: 'x, y' }, 'flat', [['x'], ['y']]],
    [
      'numbers, entities, blanks',
      { categories: [2021, ' a&#123;b ', '', null] },
      'hierarchical',
      [['2021', 'a{b']],
    ],
    [
      'duplicates removed',
      { categories: [['A'], ['A']] },
      'hierarchical',
      [['A']],
    ],
    ['nothing', {}, 'hierarchical', []],
  ] as const)('%s', (_name, data, style, paths) => {
    expect(
      readCategories(data as Record<string, unknown>, style).paths,
    ).toEqual(paths)
  })

  test('tags list every name once', () => {
    expect(
      readCategories(
        {
          categories: [
            ['A', 'B'],
            ['A', 'C'],
          ],
          tags: ['B', 'D'],
        },
        'hierarchical',
      ).tags,
    ).toEqual(['A', 'B', 'C', 'D'])
  })
})

describe('urls', () => {
  test.each([
    [
      'https://a.com/x?utm_source=rss&id=3&utm_medium=feed#top',
      'https://a.com/x?id=3#top',
    ],
    ['https://a.com/x?fbclid=1&gclid=2', 'https://a.com/x'],
    ['http://a.com/?spm=a.b&q=1', 'http://a.com/?q=1'],
    ['ftp://a.com/x', undefined],
    ['/relative', undefined],
    ['开源中国', undefined],
  ])('cleanUrl(%s)', (input, expected) => {
    expect(cleanUrl(input)).toBe(expected)
  })

  test('unwrapProxy, isPlaceholderImage, resolveUrl', () => {
    expect(
      unwrapProxy('https://cors.zfour.workers.dev/?http://zk.com/a.jpg'),
    ).toBe('http://zk.com/a.jpg')
    expect(unwrapProxy('https://a.com/?x=1')).toBe('https://a.com/?x=1')
    expect(
      isPlaceholderImage('https://picsum.photos/400/300?random=5386'),
    ).toBe(true)
    expect(isPlaceholderImage('https://img.ithome.com/a.png')).toBe(false)
    expect(resolveUrl('img/a.png', 'https://b.com/post/1')).toBe(
      'https://b.com/post/img/a.png',
    )
    expect(resolveUrl('#x', 'https://b.com/')).toBe('#x')
    expect(resolveUrl('mailto:a@b', 'https://b.com/')).toBe('mailto:a@b')
  })
})

describe('pickThumbnail', () => {
  const noBase = urlResolver(undefined, false)
  const body = [{ src: 'https://body/1.jpg', width: 4, height: 3 }]
  test.each([
    [
      'thumbnail first',
      { thumbnail: 'https://t/1.jpg', headimg: 'https://h/1.jpg' },
      'https://t/1.jpg',
    ],
    [
      'headimg next',
      { headimg: 'https://h/1.jpg', image: 'https://i/1.jpg' },
      'https://h/1.jpg',
    ],
    ['image or cover', { cover: 'https://c/1.jpg' }, 'https://c/1.jpg'],
    [
      'placeholder is no image',
      { thumbnail: 'https://picsum.photos/400/300?random=1' },
      'https://body/1.jpg',
    ],
    [
      'proxy unwrapped',
      { headimg: 'https://cors.zfour.workers.dev/?http://zk/1.jpg' },
      'http://zk/1.jpg',
    ],
    [
      'entities decoded',
      { thumbnail: 'https://t/1.jpg?a=1&amp;b=2' },
      'https://t/1.jpg?a=1&b=2',
    ],
  ])('%s', (_name, data, image) => {
    expect(pickThumbnail(data, body, noBase)?.image).toBe(image)
  })

  test('none when there is nothing real', () => {
    expect(
      pickThumbnail(
        { headimg: 'https://picsum.photos/400/300?random=2' },
        [],
        noBase,
      ),
    ).toBeUndefined()
    expect(pickThumbnail({ image: 'relative.png' }, [], noBase)).toBeUndefined()
  })

  test('a post keeps root-relative images (its own site’s assets)', () => {
    const post = urlResolver('https://source.example.com/a/b', true)
    expect(
      pickThumbnail({ headimg: '/demo/images/demo-1.svg' }, [], post)?.image,
    ).toBe('/demo/images/demo-1.svg')
    expect(pickThumbnail({ headimg: 'img/x.png' }, [], post)?.image).toBe(
      'https://source.example.com/a/img/x.png',
    )
    const item = urlResolver('https://source.example.com/a/b', false)
    expect(pickThumbnail({ image: '/x.png' }, [], item)?.image).toBe(
      'https://source.example.com/x.png',
    )
  })

  test('relative images resolve against the original link; sizes come along', () => {
    expect(
      pickThumbnail(
        {},
        [{ src: 'a.jpg', width: 4, height: 3 }],
        urlResolver('https://x.com/p/', false),
      ),
    ).toEqual({
      image: 'https://x.com/p/a.jpg',
      size: { width: 4, height: 3 },
    })
  })
})

describe('titles and ids', () => {
  test.each([
    [
      "'Do Not Split'_ A Hong Kong protest film _video_",
      "Link: 'Do Not Split': A Hong Kong protest film [video]",
      "'Do Not Split': A Hong Kong protest film [video]",
    ],
    ['Win11_Win10 命令', 'Win11/Win10 命令 安装', 'Win11/Win10 命令'],
    ['a_b', 'nothing alike', 'a_b'],
    ['&#123;x&#125;  y', '', '{x} y'],
    [' ', 'body', ''],
    [100071, '', '100071'],
  ])('cleanTitle(%j)', (title, text, expected) => {
    expect(cleanTitle(title, text)).toBe(expected)
  })

  test('fallbackTitle', () => {
    expect(
      fallbackTitle(
        '此版本已改为Nacos注册中心 + Sentinel熔断，持续跟随主版本Snowy的更新。',
        ' .md',
      ),
    ).toBe('此版本已改为Nacos注册中心 + Sentinel熔断…')
    expect(fallbackTitle('', 'my post.md')).toBe('my post')
    expect(fallbackTitle('', ' .md')).toBe('Untitled')
  })

  test.each([
    [
      'URL-safe slug',
      { slug: 'hello-world' },
      undefined,
      'a.md',
      'hello-world',
    ],
    ['numeric abbrlink', { abbrlink: 3391 }, undefined, 'a.md', '3391'],
    [
      'slug wins over link',
      { slug: 'x', guid: 'y' },
      'https://a/b',
      'a.md',
      'x',
    ],
  ])('deriveId: %s', (_name, data, link, path, id) => {
    expect(deriveId(data, link, path)).toBe(id)
  })

  test('hashed ids are stable, URL-safe and distinct', () => {
    const fromLink = deriveId({}, 'https://a.com/1', 'a.md')
    expect(fromLink).toMatch(/^[a-z2-7]{12}$/)
    expect(deriveId({}, 'https://a.com/1', 'other.md')).toBe(fromLink)
    expect(deriveId({ permalink: '/2021/中文/' }, undefined, 'a.md')).toMatch(
      /^[a-z2-7]{12}$/,
    )
    expect(deriveId({}, undefined, 'a.md')).not.toBe(
      deriveId({}, undefined, 'b.md'),
    )
    expect(deriveId({}, undefined, '%secret.md')).toBe(
      deriveId({}, undefined, '%secret.md'),
    )
  })
})

describe('bodies', () => {
  test('aggregator HTML inside a .md file is kept as HTML', () => {
    const body =
      '<div>   \n<div class="content">\n          <p>indented</p>\n</div>\n</div>\n            '
    expect(looksLikeHtml(body)).toBe(true)
    expect(renderBody(body, '.md')).toBe(body)
  })

  test('Markdown is rendered, raw HTML inside it kept', () => {
    const html = renderBody(
      '# Title\n\nSome *text*.\n\n<figure><img src="a.png"></figure>\n',
      '.md',
    )
    expect(html).toContain('<h1>Title</h1>')
    expect(html).toContain('<em>text</em>')
    expect(html).toContain('<figure><img src="a.png"></figure>')
  })

  test('.html files are never rendered as Markdown', () => {
    expect(renderBody('# not a heading', '.html')).toBe('# not a heading')
  })
})

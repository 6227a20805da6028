import { expect, test } from 'vitest'
import { articleImageUrls, srcsetUrls } from './article-images'

test('srcset candidates keep commas inside URLs', () => {
  expect(
    srcsetUrls('a.jpg?fit=crop,edges 1x, https://x.example/b.jpg 2x'),
  ).toEqual(['a.jpg?fit=crop,edges', 'https://x.example/b.jpg'])
  // As the HTML parser reads it: a comma inside a token is part of the URL.
  expect(srcsetUrls('one.jpg,two.jpg 2x')).toEqual(['one.jpg,two.jpg'])
  expect(srcsetUrls('one.jpg, two.jpg 2x')).toEqual(['one.jpg', 'two.jpg'])
  expect(srcsetUrls('  ')).toEqual([])
})

test('the images of a body, as the sanitiser leaves them, absolute and once each', () => {
  const html = `<p>x</p><img src="https://img.example/a.jpg" alt="">
    <picture><source srcset="https://img.example/b.webp 1x, /c.webp 2x"><img src="/d.jpg"></picture>
    <img src="https://img.example/a.jpg"><img src="javascript:alert(1)">
    <img src="data:image/png;base64,AAAA">`
  expect(articleImageUrls(html, 'https://site.example/a/1')).toEqual([
    'https://img.example/a.jpg',
    'https://img.example/b.webp',
    'https://site.example/c.webp',
    'https://site.example/d.jpg',
  ])
})

test('a body without images has none', () => {
  expect(articleImageUrls('<p>text only</p><script>x()</script>')).toEqual([])
})

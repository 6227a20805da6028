import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { main } from './main.ts'
import { shortHash } from './shared/hash.ts'
import { FeedServer, huge, serve } from './testing/feed-server.ts'
import { makeItems, rssFeed } from './testing/feed-texts.ts'
import { SubscriptionRun, TEST_HTTP } from './testing/subscription-run.ts'

let server: FeedServer
let jpeg: Buffer

beforeAll(async () => {
  server = await FeedServer.start()
  jpeg = await sharp({
    create: { width: 1200, height: 900, channels: 3, background: '#c33' },
  })
    .jpeg({ quality: 95 })
    .toBuffer()
  const png = await sharp({
    create: {
      width: 300,
      height: 200,
      channels: 4,
      background: { r: 0, g: 90, b: 200, alpha: 0.5 },
    },
  })
    .png()
    .toBuffer()
  server.route('/img/photo.jpg', serve({ text: jpeg, type: 'image/jpeg' }))
  server.route('/img/small.png', serve({ text: png, type: 'image/png' }))
  // Streamed as is: compressing 30 MB here would stall the test's own loop.
  server.route('/img/huge.jpg', huge(30 * 1024 * 1024, 'image/jpeg'))
  server.route(
    '/img/logo.svg',
    serve({
      text: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      type: 'image/svg+xml',
    }),
  )
})
afterAll(() => server.close())

/** A feed file whose items show these images (one each) as thumbnails, and the first also in its body. */
function writeFeed(run: SubscriptionRun, images: string[]): string {
  const items = makeItems('pic', images.length, 'https://pics.example/').map(
    (item, i) => ({
      ...item,
      image: `${server.origin}${images[i]}`,
      html: `<p>Photo</p><img src="${server.origin}${images[i]}" alt="说明 ${i}" data-src="${server.origin}${images[i]}">`,
    }),
  )
  const path = join(run.dir, 'pictures.rss')
  writeFileSync(path, rssFeed('Pictures', 'https://pics.example/', items))
  return path
}

function ingest(
  run: SubscriptionRun,
  input: string,
  mode: 'thumbnails' | 'all',
) {
  return main({
    inputs: [input],
    outDir: run.out,
    cacheDir: run.cache,
    workers: 0,
    images: { mode, allowPrivateUrls: true, http: TEST_HTTP },
  })
}

test('thumbnails come out resized and hashed with srcset; a 404, a 30 MB and an SVG image keep their remote URLs and are reported', async () => {
  const run = new SubscriptionRun()
  try {
    const input = writeFeed(run, [
      '/img/photo.jpg',
      '/img/small.png',
      '/img/missing.jpg',
      '/img/huge.jpg',
      '/img/logo.svg',
    ])
    const result = await ingest(run, input, 'thumbnails')
    const articles = result.report.files.map((f) => run.article(f.id!))
    const byImage = new Map(
      articles.map((a) => [a.image!.slice(server.origin.length), a]),
    )
    const photo = byImage.get('/img/photo.jpg')!._zixun.image_set!
    expect(photo.srcset).toMatch(
      /^\/data\/images\/[a-z2-7]{16}\.jpg 160w, \/data\/images\/[a-z2-7]{16}\.jpg 320w, \/data\/images\/[a-z2-7]{16}\.jpg 480w$/,
    )
    expect(photo.sources.map((s) => s.type)).toEqual([
      'image/avif',
      'image/webp',
    ])
    expect(photo).toMatchObject({ width: 480, height: 360 })
    expect(photo.src).toBe(photo.srcset.split(', ').at(-1)!.split(' ')[0])
    for (const candidate of [
      photo.srcset,
      ...photo.sources.map((s) => s.srcset),
    ].flatMap((s) => s.split(', '))) {
      const [url, w] = candidate.split(' ')
      const bytes = readFileSync(join(run.out, url.replace('/data/', '')))
      expect((await sharp(bytes).metadata()).width).toBe(Number.parseInt(w))
    }
    const small = byImage.get('/img/small.png')!._zixun.image_set!
    expect(small.srcset).toMatch(/\.png 300w$/)
    expect(small.sources[0].srcset).toMatch(/\.avif 300w$/)
    for (const kept of ['/img/missing.jpg', '/img/huge.jpg', '/img/logo.svg']) {
      expect(byImage.get(kept)!._zixun.image_set).toBeUndefined()
      expect(byImage.get(kept)!.image).toBe(`${server.origin}${kept}`)
    }
    const report = result.report.images!
    expect(report).toMatchObject({
      mode: 'thumbnails',
      mirrored: 2,
      kept_remote: 3,
    })
    const reasons = Object.fromEntries(
      report.images.map((i) => [
        i.url.slice(server.origin.length),
        i.reason ?? i.status,
      ]),
    )
    expect(reasons).toEqual({
      '/img/photo.jpg': 'mirrored',
      '/img/small.png': 'mirrored',
      '/img/missing.jpg': 'HTTP 404 Not Found',
      '/img/huge.jpg': expect.stringMatching(
        /^too large: over the 10\.0 MB limit$/,
      ),
      '/img/logo.svg': 'SVG: never rasterised, kept remote',
    })
    const photoEntry = report.images.find((i) => i.url.endsWith('photo.jpg'))!
    expect(photoEntry.original_bytes).toBe(jpeg.length)
    expect(photoEntry.mirrored_bytes).toBeLessThan(jpeg.length / 4)
    expect(report.bytes_saved).toBeGreaterThan(jpeg.length / 2)
    // Every published copy is named by its content, and only used copies are published.
    const names = readdirSync(join(run.out, 'images'))
    expect(names).toHaveLength(3 * 3 + 2 * 3)
    for (const name of names) {
      const bytes = readFileSync(join(run.out, 'images', name))
      expect(name.split('.')[0]).toBe(shortHash(bytes.toString('base64'), 16))
    }

    const requests = server.requests.length
    const again = await ingest(run, input, 'thumbnails')
    expect(server.requests.length - requests).toBe(0)
    expect(again.files.written).toBe(0)
    expect(again.inputs).toEqual({ converted: 0, cached: 1 })
  } finally {
    run.remove()
  }
})

test('--images all turns mirrored body images into <picture> with srcset and sizes, in place of the lazy-loading tag', async () => {
  const run = new SubscriptionRun()
  try {
    const input = writeFeed(run, ['/img/photo.jpg', '/img/missing.jpg'])
    const result = await ingest(run, input, 'all')
    const [photo, missing] = result.report.files
      .map((f) => run.article(f.id!))
      .sort((a, b) => a.title.localeCompare(b.title))
    expect(photo.content_html).toMatch(
      /^<p>Photo<\/p><picture><source type="image\/avif" srcset="\/data\/images\/\w+\.avif 480w, \/data\/images\/\w+\.avif 960w, \/data\/images\/\w+\.avif 1200w" sizes="\(max-width: 760px\) 100vw, 720px"><source type="image\/webp" [^>]+><img src="\/data\/images\/\w+\.jpg" srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1200w" sizes="[^"]+" width="1200" height="900" alt="说明 0"><\/picture>$/,
    )
    expect(missing.content_html).toContain(
      `data-src="${server.origin}/img/missing.jpg"`,
    )
    expect(result.report.images).toMatchObject({
      mode: 'all',
      mirrored: 2,
      kept_remote: 2,
    })
  } finally {
    run.remove()
  }
})

test('without --images nothing is fetched', async () => {
  const run = new SubscriptionRun()
  try {
    const requests = server.requests.length
    const input = writeFeed(run, ['/img/photo.jpg'])
    const result = await main({
      inputs: [input],
      outDir: run.out,
      cacheDir: run.cache,
      workers: 0,
    })
    expect(server.requests.length).toBe(requests)
    expect(result.report.images).toBeUndefined()
    const article = run.article(result.report.files[0].id!)
    expect(article.image).toBe(`${server.origin}/img/photo.jpg`)
    expect(article._zixun.image_set).toBeUndefined()
    expect(existsSync(join(run.out, 'images'))).toBe(false)
  } finally {
    run.remove()
  }
})

import { buildBody } from './post-body.ts'
import { en } from './phrases-en.ts'
import { zh } from './phrases-zh.ts'
import { fill } from './phrase-bank.ts'
import type { LanguageBank, TopicBank } from './phrase-bank.ts'
import { createRandom } from './prng.ts'
import type { Random } from './prng.ts'
import { IMAGE_URL_PREFIX } from './svg-image.ts'
import type { DemoImage } from './svg-image.ts'
import { feedAt } from './taxonomy.ts'
import type { BodyStyle, Feed } from './taxonomy.ts'

/** Posts are dated within this many days before the anchor. */
export const SPREAD_DAYS = 60
/** A fixed "now", so the corpus never depends on the clock. */
export const ANCHOR_DATE = Date.UTC(2026, 10, 20, 8, 0, 0)

export type PostFormat = 'hexo' | 'markdown' | 'rss' | 'atom' | 'json-feed'

/**
 * One post before it is written: what the aggregator knew about the item.
 * Quirks (quirks.ts) change these parts; post-file.ts and feed-file.ts
 * write them in a source format.
 */
export type PostParts = {
  index: number
  /** How the post is written: a Hexo file (HTML or Markdown) or a feed item. */
  format: PostFormat
  /** The older front matter shape (post-file.ts). */
  oldShape?: boolean
  feed: Feed
  language: LanguageBank
  topic: TopicBank
  style: BodyStyle
  /** The title as the source wrote it, before the aggregator cleaned it. */
  title: string
  /** Category paths of the post (Hexo: one path, top › site › feed). */
  categories: string[][]
  date: Date
  /** Written as zone-less local time (`2021-05-09 00:04:29`). */
  localDate: boolean
  link?: string
  /** The HTML inside the aggregator's `<div>` wrapper. */
  body: string
  /** `headimg` = `thumbnail`: first body image or a placeholder. */
  headimg?: string
  /** `\n` before the opening `---` (most aggregated files have it). */
  lead: string
  /** Images inline in the body. */
  images: readonly DemoImage[]
  /** The file name without extension, when not derived from the title. */
  fileBase?: string
  /** The story's subject (company, product…) as the title chose it. */
  memory: Map<string, string>
}

/**
 * Builds post `index` of the corpus for `seed`. Each post has its own random
 * stream, so post 7 is the same whether the corpus holds 360 or 100,000.
 */
export function createPostParts(
  index: number,
  seed: string,
  pool: readonly DemoImage[],
): PostParts {
  const random = createRandom(`${seed}:${index}`)
  const feed = feedAt(random.next())
  const language = feed.lang === 'zh' ? zh : en
  const topic = language.topics[feed.topic]
  const style = random.pick(feed.styles)
  const memory = new Map<string, string>()
  const title = fill(random.pick(topic.titles), topic, random, memory)
  const date = new Date(ANCHOR_DATE - random.int(0, SPREAD_DAYS * 86400) * 1000)
  const hasImage = random.chance(0.75)
  const images = hasImage
    ? Array.from({ length: style === 'feature' ? random.int(1, 3) : 1 }, () =>
        random.pick(pool),
      )
    : []
  const link =
    style === 'link' || random.chance(0.6)
      ? originalLink(feed, style === 'link', title, index, date, random)
      : undefined
  const body = buildBody({
    random,
    language,
    topic,
    style,
    title,
    images,
    link,
    memory,
  })
  const wrapped =
    feed.categories[1] === '开源中国'
      ? `<div class="content">\n${body}\n</div>`
      : body
  const headimg = images[0]
    ? `${IMAGE_URL_PREFIX}${images[0].file}`
    : random.chance(0.5)
      ? `https://picsum.photos/400/300?random=${random.int(1, 9999)}`
      : undefined
  const localDate = random.chance(feed.localDates)
  const lead = random.chance(0.9) ? '\n' : ''
  return {
    index,
    format: 'hexo',
    feed,
    language,
    topic,
    style,
    title,
    categories: [[...feed.categories]],
    date,
    localDate,
    link,
    body: wrapped,
    headimg,
    lead,
    images,
    memory,
  }
}

const linkHosts = [
  'blog.example.net',
  'engineering.example.org',
  'www.example.com',
]

/** The original article's address: an example domain, unique per index. */
export function originalLink(
  feed: Feed,
  external: boolean,
  title: string,
  index: number,
  date: Date,
  random: Random,
): string {
  const id = 100000 + index
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
  if (external)
    return `https://${random.pick(linkHosts)}/posts/${slug || 'post'}-${id}`
  if (feed.lang === 'zh') return `https://${feed.host}/p/${id}.html`
  const day = date.toISOString().slice(0, 10).replaceAll('-', '/')
  return `https://${feed.host}/${day}/${slug}-${id}`
}

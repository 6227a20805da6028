import { buildBody } from './post-body.ts'
import { en } from './phrases-en.ts'
import { zh } from './phrases-zh.ts'
import { fill } from './phrase-bank.ts'
import { createRandom } from './prng.ts'
import type { Random } from './prng.ts'
import { IMAGE_URL_PREFIX } from './svg-image.ts'
import type { DemoImage } from './svg-image.ts'
import { feedAt } from './taxonomy.ts'
import type { Feed } from './taxonomy.ts'

/** Posts are dated within this many days before the anchor. */
export const SPREAD_DAYS = 60
/** A fixed "now", so the corpus never depends on the clock. */
export const ANCHOR_DATE = Date.UTC(2026, 10, 20, 8, 0, 0)

export type DemoPost = {
  /** Path segments under the output directory, file name last (no extension). */
  segments: string[]
  /** The whole file, byte for byte. */
  text: string
  hasImage: boolean
}

/**
 * Builds post `index` of the corpus for `seed`. Each post has its own random
 * stream, so post 7 is the same whether the corpus holds 360 or 100,000.
 */
export function createPost(
  index: number,
  seed: string,
  pool: readonly DemoImage[],
): DemoPost {
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
  const frontMatter = [
    `title: ${quote(cleanTitle(title))}`,
    'categories: ',
    ...feed.categories.map((name) => ` - ${name}`),
    ...(headimg ? [`headimg: ${quote(headimg)}`] : []),
    `author: ${feed.author}`,
    'comments: false',
    `date: ${formatDate(date, random.chance(feed.localDates))}`,
    ...(headimg ? [`thumbnail: ${quote(headimg)}`] : []),
    ...(link ? [`link: ${quote(link)}`] : []),
  ]
  const lead = random.chance(0.9) ? '\n' : ''
  const text = `${lead}---\n${frontMatter.join('\n')}\n---\n\n<div>   \n${wrapped}  \n</div>\n            `
  return {
    segments: [...feed.categories, fileName(cleanTitle(title))],
    text,
    hasImage,
  }
}

/** The aggregator's title cleaning: `: / \ ? * “ ” < > | [ ]` become `_`. */
export function cleanTitle(title: string): string {
  return title.replace(/[:/\\?*“”<>|[\]]/g, '_')
}

/** The aggregator's file name: the cleaned title without dots. */
export function fileName(cleanedTitle: string): string {
  return cleanedTitle.replaceAll('.', '').trim() || 'untitled'
}

/** YAML scalar the way the aggregator writes it: single quotes unless the text holds `'`. */
export function quote(text: string): string {
  if (!text.includes("'")) return `'${text}'`
  if (!text.includes('"') && !text.includes('\\')) return `"${text}"`
  return `'${text.replaceAll("'", "''")}'`
}

/** `Thu, 29 Apr 2021 14:14:00 GMT`, or the zone-less `2021-05-09 00:04:29`. */
export function formatDate(date: Date, local: boolean): string {
  if (!local) return date.toUTCString()
  return date.toISOString().slice(0, 19).replace('T', ' ')
}

const linkHosts = [
  'blog.example.net',
  'engineering.example.org',
  'www.example.com',
]

function originalLink(
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

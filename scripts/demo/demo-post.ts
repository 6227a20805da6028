import { buildMarkdownBody } from './post-body.ts'
import { cleanTitle, postFileBase, renderPostFile } from './post-file.ts'
import { createPostParts } from './post-parts.ts'
import type { PostFormat, PostParts } from './post-parts.ts'
import { pickQuirks, NO_QUIRKS } from './quirks.ts'
import type { Quirk, QuirkMix } from './quirks.ts'
import {
  bracesBody,
  inlineStyles,
  pseudoTags,
  sourceMarkup,
  styleBlock,
  whitespaceRuns,
} from './quirk-bodies.ts'
import {
  corsProxyImage,
  lazyImages,
  queryStringImage,
  relativeImages,
} from './quirk-images.ts'
import {
  bracesTitle,
  cleanedTitle,
  oldFrontMatter,
  punctuationTitle,
  spaceTitle,
} from './quirk-titles.ts'
import type { QuirkContext } from './quirk-titles.ts'
import type { DemoImage } from './svg-image.ts'

/** What the generator wrote for one post: the e2e suite's expectations. */
export type DemoEntry = {
  /** Relative to the output folder, `/`-separated; feed items `<file>#<n>`. */
  file: string
  format: PostFormat
  /** The title as written (cleaned, for Hexo files), braces decoded. */
  title: string
  /** The title before the aggregator cleaned it, when that differs. */
  sourceTitle?: string
  categories: string[][]
  /** RFC 3339. */
  date: string
  link?: string
  /** `<img>` elements in the body. */
  images: number
  quirks: Quirk[]
}

/** One post of the corpus: a file to write, or an item for a feed file. */
export type DemoPost = {
  parts: PostParts
  /** For Hexo and Markdown files: the folders and file name (no extension). */
  segments: string[]
  /** For Hexo and Markdown files: the whole file, byte for byte. */
  text: string
  /** Whether the body holds an image (the shared pool or another). */
  hasImage: boolean
  /** The description, but for `file`, which the writer decides. */
  entry: Omit<DemoEntry, 'file'>
}

type Transform = (parts: PostParts, context: QuirkContext) => void

/** In this order: titles, then images, then markup over the whole body. */
const TRANSFORMS: ReadonlyArray<[Quirk, Transform]> = [
  ['space-title', spaceTitle],
  ['braces', bracesTitle],
  ['cleaned-title', cleanedTitle],
  ['punctuation-title', punctuationTitle],
  ['old-front-matter', oldFrontMatter],
  ['relative-images', relativeImages],
  ['query-string-image', queryStringImage],
  ['lazy-images', lazyImages],
  ['cors-proxy-image', corsProxyImage],
  ['braces', bracesBody],
  ['pseudo-tags', pseudoTags],
  ['inline-styles', inlineStyles],
  ['source-markup', sourceMarkup],
  ['style-block', styleBlock],
  ['whitespace-runs', whitespaceRuns],
]

/**
 * Post `index` of the corpus for `seed`, with the quirks `mix` gives it.
 * With no quirks the bytes are those of the plain demo; quirks draw from a
 * stream of their own, so the base post stays the same under any mix.
 */
export function createPost(
  index: number,
  seed: string,
  pool: readonly DemoImage[],
  mix: QuirkMix = NO_QUIRKS,
): DemoPost {
  const parts = createPostParts(index, seed, pool)
  const pick = pickQuirks(index, seed, mix)
  parts.format = pick.format
  if (pick.format === 'markdown') {
    parts.body = buildMarkdownBody({
      random: pick.random,
      language: parts.language,
      topic: parts.topic,
      style: parts.style,
      title: parts.title,
      images: parts.images,
      link: parts.link,
      memory: parts.memory,
    })
  }
  for (const [quirk, transform] of TRANSFORMS) {
    if (!pick.quirks.includes(quirk)) continue
    transform(parts, {
      random: pick.random,
      full: pick.showcase === quirk,
      pool,
    })
  }
  const isFile = parts.format === 'hexo' || parts.format === 'markdown'
  // Feeds are not cleaned by the aggregator; their categories are flat.
  const title = isFile ? cleanTitle(parts.title) : parts.title
  if (!isFile) parts.categories = [[parts.feed.categories[0]]]
  const images = (parts.body.match(/<img\s|!\[[^\]]*\]\(/g) ?? []).length
  return {
    parts,
    segments: [...parts.feed.categories, postFileBase(parts)],
    text: isFile ? renderPostFile(parts) : '',
    hasImage: images > 0,
    entry: {
      format: parts.format,
      title,
      ...(title !== parts.title ? { sourceTitle: parts.title } : {}),
      categories: parts.categories,
      date: parts.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(parts.link ? { link: parts.link } : {}),
      images,
      quirks: pick.quirks,
    },
  }
}

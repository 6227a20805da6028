import { createRandom } from './prng.ts'
import type { Random } from './prng.ts'
import type { PostFormat } from './post-parts.ts'

/**
 * What real aggregated posts do that clean demo posts would not
 * (../shared/corpus/SOURCE.md describes each one in the wild). The base
 * generator already writes the aggregator's everyday shape: a leading
 * blank line, `categories: ` with a trailing space, RFC-822 and zone-less
 * dates, cleaned titles, both quote styles, picsum placeholders.
 */
export const QUIRKS = [
  /** `: / ? [ ] “ ”…` in the source title, `_` in the file; the body starts with the original. */
  'cleaned-title',
  /** `" ' $ % + & ~ ^` and emoji in the title and so in the file name. */
  'punctuation-title',
  /** A title that is one space, in a file called ` .md`. */
  'space-title',
  /** The older shape: 4-space list, two category levels, a blank line, plain scalars, no headimg. */
  'old-front-matter',
  /** `{` `}` written as `&#123;` `&#125;` in the title, prose and code. */
  'braces',
  /** 掘金: a `<style>` block in the body, `data-id` headings, a 复制代码 button. */
  'style-block',
  /** Text like `<DistroName>`, `<T>` or `<dependency>` in prose, unescaped. */
  'pseudo-tags',
  /** OSChina: `style` on most paragraphs and lists, nested styled `<span>`s. */
  'inline-styles',
  /** OSChina: runs of ~90 spaces between the blocks. */
  'whitespace-runs',
  /** cnBeta, IT 之家, 3DMGame, ZAKER: bare text, `align`, `_src`, `w`/`h`, raw `&`… */
  'source-markup',
  /** ZAKER: the thumbnail through a CORS proxy, the real image in `data-original`. */
  'cors-proxy-image',
  /** Image URLs with query strings holding `=`, `,` and `&`. */
  'query-string-image',
  /** Lazy images: `data-src`, `data-original`, `data-actualsrc`, `data-lazy-src`, `data-srcset`. */
  'lazy-images',
  /** Page-relative image URLs, which only the post's link can resolve. */
  'relative-images',
  /** The body in Markdown instead of HTML. */
  'markdown',
  /** An item of an RSS 2.0 file instead of a post. */
  'rss',
  /** An entry of an Atom file instead of a post. */
  'atom',
  /** An item of a JSON Feed file instead of a post. */
  'json-feed',
] as const

export type Quirk = (typeof QUIRKS)[number]

/** The share of posts (0–1) that carry each quirk; a missing quirk is 0. */
export type QuirkMix = Partial<Record<Quirk, number>>

/** The plain demo (`npm start`, existing benchmarks): no quirk at all. */
export const NO_QUIRKS: QuirkMix = {}

/**
 * About as often as in the 40 real posts (../shared/corpus/SOURCE.md), and a
 * little of what the same aggregator family does elsewhere: the mix for
 * "real-shaped" corpora, from the e2e corpus to 1,000,000-post benchmarks.
 */
export const REAL_SHAPED: QuirkMix = {
  'cleaned-title': 0.08,
  'punctuation-title': 0.15,
  'space-title': 0.02,
  'old-front-matter': 0.02,
  braces: 0.04,
  'style-block': 0.03,
  'pseudo-tags': 0.03,
  'inline-styles': 0.15,
  'whitespace-runs': 0.15,
  'source-markup': 0.3,
  'cors-proxy-image': 0.03,
  'query-string-image': 0.1,
  'lazy-images': 0.05,
  'relative-images': 0.03,
  markdown: 0.05,
  rss: 0.02,
  atom: 0.02,
  'json-feed': 0.02,
}

/** Named mixes for `npm run demo -- --quirks <name>`. */
export const QUIRK_MIXES: Readonly<Record<string, QuirkMix>> = {
  none: NO_QUIRKS,
  real: REAL_SHAPED,
}

/** At most one quirk of each group per post (the first one drawn wins). */
const GROUPS: readonly (readonly Quirk[])[] = [
  ['space-title', 'cleaned-title', 'punctuation-title'],
  ['markdown', 'rss', 'atom', 'json-feed'],
]

const FORMAT_OF: Partial<Record<Quirk, PostFormat>> = {
  markdown: 'markdown',
  rss: 'rss',
  atom: 'atom',
  'json-feed': 'json-feed',
}

/** Quirks that only make sense in some formats (others: every format). */
const ONLY_IN: Partial<Record<Quirk, readonly PostFormat[]>> = {
  'cleaned-title': ['hexo', 'markdown'],
  'space-title': ['hexo', 'markdown'],
  'old-front-matter': ['hexo', 'markdown'],
  braces: ['hexo'],
  'style-block': ['hexo', 'rss', 'atom', 'json-feed'],
  'pseudo-tags': ['hexo', 'rss', 'atom', 'json-feed'],
  'inline-styles': ['hexo', 'rss', 'atom', 'json-feed'],
  'whitespace-runs': ['hexo', 'rss', 'atom', 'json-feed'],
  'source-markup': ['hexo', 'rss', 'atom', 'json-feed'],
  'cors-proxy-image': ['hexo', 'rss', 'atom', 'json-feed'],
  'query-string-image': ['hexo', 'rss', 'atom', 'json-feed'],
  'lazy-images': ['hexo', 'rss', 'atom', 'json-feed'],
  'relative-images': ['hexo', 'rss', 'atom', 'json-feed'],
}

export type QuirkPick = {
  /** The quirks of this post, in QUIRKS order. */
  quirks: Quirk[]
  format: PostFormat
  /**
   * The quirk this post shows in full (every variant), if any: post N of
   * a corpus showcases the Nth quirk of the mix, so even a small corpus
   * holds every quirk at least once.
   */
  showcase?: Quirk
  /** The post's own stream for quirk content, apart from the base post's. */
  random: Random
}

/** Decides the quirks of post `index`; deterministic in seed and index. */
export function pickQuirks(
  index: number,
  seed: string,
  mix: QuirkMix,
): QuirkPick {
  const random = createRandom(`${seed}:${index}:quirks`)
  const active = QUIRKS.filter((quirk) => (mix[quirk] ?? 0) > 0)
  const showcase = active[index]
  const drawn = active.filter(
    (quirk) => random.chance(mix[quirk] ?? 0) || quirk === showcase,
  )
  let kept = drawn.filter((quirk) => {
    const group = GROUPS.find((g) => g.includes(quirk))
    if (!group) return true
    const first = showcase && group.includes(showcase) ? showcase : undefined
    return (first ?? drawn.find((q) => group.includes(q))) === quirk
  })
  let format = formatOf(kept)
  // The showcase must survive: it wins over a format it does not fit.
  if (showcase && !fits(showcase, format)) {
    kept = kept.filter((quirk) => !FORMAT_OF[quirk])
    format = 'hexo'
  }
  const quirks = kept.filter((quirk) => FORMAT_OF[quirk] || fits(quirk, format))
  return {
    quirks,
    format,
    ...(showcase && quirks.includes(showcase) ? { showcase } : {}),
    random,
  }
}

function formatOf(quirks: readonly Quirk[]): PostFormat {
  return quirks.map((quirk) => FORMAT_OF[quirk]).find((f) => !!f) ?? 'hexo'
}

function fits(quirk: Quirk, format: PostFormat): boolean {
  return ONLY_IN[quirk]?.includes(format) ?? true
}

/**
 * Reads `--quirks`: a named mix (`none`, `real`) or `quirk=rate` pairs
 * separated by commas (`lazy-images=0.5,rss=0.1`). Throws on anything else.
 */
export function parseQuirkMix(text: string): QuirkMix {
  const named = QUIRK_MIXES[text]
  if (named) return named
  const mix: QuirkMix = {}
  for (const pair of text.split(',')) {
    const [name, rate] = pair.split('=').map((part) => part.trim())
    if (!(QUIRKS as readonly string[]).includes(name)) {
      throw new Error(
        `unknown quirk "${name}"; use ${Object.keys(QUIRK_MIXES).join(' or ')}, or quirk=rate pairs of: ${QUIRKS.join(', ')}`,
      )
    }
    const share = Number(rate)
    if (rate === undefined || !(share >= 0 && share <= 1)) {
      throw new Error(`the rate of ${name} must be a number from 0 to 1`)
    }
    mix[name as Quirk] = share
  }
  return mix
}

import { escapeHtml } from './post-body.ts'
import type { PostParts } from './post-parts.ts'
import type { Random } from './prng.ts'
import type { DemoImage } from './svg-image.ts'

/** What a quirk transform gets besides the post. */
export type QuirkContext = {
  random: Random
  /** Show every variant of the quirk (the corpus's showcase post). */
  full: boolean
  /** The shared images, for quirks that need one more. */
  pool: readonly DemoImage[]
}

type Decorate = (title: string) => string

/** Characters the aggregator cleans, as a reader would have typed them. */
const CLEANED: Record<'zh' | 'en', readonly Decorate[]> = {
  zh: [
    (t) => `“${t}”`,
    (t) => `${t}（Win11/Win10）`,
    (t) => `[快讯] ${t}`,
    (t) => `${t} | 独家`,
  ],
  en: [
    (t) => `${t}: what we know`,
    (t) => `${t} [video]`,
    (t) => `Ask HN: ${t}?`,
    (t) => `“${t}” | a review`,
  ],
}
const CLEANED_FULL: Record<'zh' | 'en', Decorate> = {
  zh: (t) => `[快讯] “${t}” Win11/Win10 | C:\\Temp <T> *新*？`,
  en: (t) => `Ask HN: “${t}” [video] A/B | C:\\Temp <T> *new*?`,
}

/** Characters the aggregator keeps, so they reach the file name too. */
const PUNCTUATION: readonly Decorate[] = [
  (t) => `"${t}"`,
  (t) => `'${t}' explained`,
  (t) => `$100M ${t}`,
  (t) => `%secret%${t}`,
  (t) => `${t} 🎉`,
  (t) => `C++ & Rust: ${t} ~^^`,
]
const PUNCTUATION_FULL: Decorate = (t) => `"${t}" 'C++' & $5 +1 ~2 ^^ 50% 🎉`

/**
 * `cleaned-title`: the source title holds characters the aggregator turns
 * into `_`; the body starts with the title as the source wrote it (as
 * 199IT and Hacker News bodies do), so the reader can restore it.
 */
export function cleanedTitle(parts: PostParts, { random, full }: QuirkContext) {
  const lang = parts.feed.lang
  const decorate = full ? CLEANED_FULL[lang] : random.pick(CLEANED[lang])
  parts.title = decorate(parts.title)
  parts.body = `<p>${escapeHtml(parts.title)}</p>\n${parts.body}`
}

/** `punctuation-title`: quotes, `$ % + & ~ ^` and emoji in the title. */
export function punctuationTitle(
  parts: PostParts,
  { random, full }: QuirkContext,
) {
  parts.title = (full ? PUNCTUATION_FULL : random.pick(PUNCTUATION))(
    parts.title,
  )
}

/** `space-title`: the title is one space and the file ` .md`. */
export function spaceTitle(parts: PostParts) {
  parts.title = ' '
  parts.fileBase = ' '
}

/**
 * `old-front-matter`: the aggregator's older files, with two category
 * levels (`cnBeta - 最新`) and no `headimg`.
 */
export function oldFrontMatter(parts: PostParts) {
  const [top, site, feed] = parts.feed.categories
  parts.oldShape = true
  parts.categories = [[top, `${site} - ${feed}`]]
}

/** `braces` in the title: the aggregator writes them as entities. */
export function bracesTitle(parts: PostParts, { random, full }: QuirkContext) {
  if (full || random.chance(0.5)) {
    parts.title = `${parts.title} {${random.pick(['beta', 'v2', 'Nunjucks'])}}`
  }
}

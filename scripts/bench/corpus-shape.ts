import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * What makes an ingest's work on a corpus: how big the posts are, how many
 * carry inline style or script that sends them through the spec parser,
 * how styled their paragraphs and spans are, images, and how much of the
 * text is Chinese. Counted over the raw files, so a generated corpus can be
 * compared with the real posts it imitates.
 */
export type CorpusShape = {
  files: number
  meanBytes: number
  /** Share of files with at least one `style` attribute. */
  withStyle: number
  styleAttributesPerFile: number
  /** Share of `<p>` and of `<span>` tags that carry `style`. */
  styledParagraphs: number
  styledSpans: number
  spansPerFile: number
  nestedSpansPerFile: number
  /** Share of files with an `<img>`, and images per file. */
  withImage: number
  imagesPerFile: number
  /** Share of files the spec parser sees (an on… or style attribute, a script or style element). */
  withTrigger: number
  /** Share of CJK ideographs among the text's non-space characters. */
  chinese: number
}

/**
 * The shape of the post and feed files under `dir`: of all, or of `limit`
 * spread evenly over them (folders are categories: the first files would
 * be one category's).
 */
export function corpusShape(dir: string, limit = Infinity): CorpusShape {
  const files = spread(listFiles(dir), limit)
  const t = {
    bytes: 0,
    withStyle: 0,
    style: 0,
    p: 0,
    pStyled: 0,
    span: 0,
    spanStyled: 0,
    nested: 0,
    withImage: 0,
    images: 0,
    trigger: 0,
    cjk: 0,
    chars: 0,
  }
  const count = (text: string, pattern: RegExp) =>
    (text.match(pattern) ?? []).length
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    t.bytes += Buffer.byteLength(text)
    const style = count(text, /\sstyle\s*=/gi)
    t.style += style
    if (style > 0) t.withStyle++
    t.p += count(text, /<p[\s>]/gi)
    t.pStyled += count(text, /<p\s[^>]*style=/gi)
    t.span += count(text, /<span[\s>]/gi)
    t.spanStyled += count(text, /<span\s[^>]*style=/gi)
    t.nested += count(text, /<span[^>]*>\s*<span/gi)
    const images = count(text, /<img\s/gi)
    t.images += images
    if (images > 0) t.withImage++
    if (/\s(on[a-z]+|style)\s*=|<(script|style)/i.test(text)) t.trigger++
    const plain = text.replace(/<[^>]*>/g, '')
    t.cjk += count(plain, /[\u4e00-\u9fff]/g)
    t.chars += plain.replace(/\s/g, '').length
  }
  const n = Math.max(1, files.length)
  return {
    files: files.length,
    meanBytes: Math.round(t.bytes / n),
    withStyle: t.withStyle / n,
    styleAttributesPerFile: t.style / n,
    styledParagraphs: t.pStyled / Math.max(1, t.p),
    styledSpans: t.spanStyled / Math.max(1, t.span),
    spansPerFile: t.span / n,
    nestedSpansPerFile: t.nested / n,
    withImage: t.withImage / n,
    imagesPerFile: t.images / n,
    withTrigger: t.trigger / n,
    chinese: t.cjk / Math.max(1, t.chars),
  }
}

/** A Markdown table of shapes, one row per corpus. */
export function shapeTable(shapes: Array<[string, CorpusShape]>): string {
  const pct = (x: number) => `${Math.round(x * 100)} %`
  const num = (x: number) => x.toFixed(1)
  const rows = shapes.map(
    ([name, s]) =>
      `| ${name} | ${s.files.toLocaleString('en-US')} | ${s.meanBytes.toLocaleString('en-US')} B | ${pct(s.withTrigger)} | ${pct(s.withStyle)} | ${num(s.styleAttributesPerFile)} | ${pct(s.styledParagraphs)} / ${pct(s.styledSpans)} | ${num(s.spansPerFile)} / ${num(s.nestedSpansPerFile)} | ${pct(s.withImage)} / ${num(s.imagesPerFile)} | ${pct(s.chinese)} |`,
  )
  return [
    '| corpus | files | mean size | parsed by the spec parser | with `style` | `style` per file | styled `<p>` / `<span>` | spans / nested per file | with images / per file | Chinese |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n')
}

/**
 * `limit` of `all`, about evenly spaced: every `stride`-th, wrapping, with a
 * stride that shares no factor with their count, so a corpus that repeats
 * with a period (copies of the same 40 posts) is not sampled in step with it.
 */
function spread(all: string[], limit: number): string[] {
  const n = all.length
  if (limit >= n) return all
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
  let stride = Math.max(1, Math.floor(n / limit))
  while (gcd(stride, n) !== 1) stride++
  return Array.from({ length: limit }, (_, k) => all[(k * stride) % n])
}

function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name)
      if (entry.isDirectory()) walk(p)
      else if (/\.(md|markdown|html?|xml|json)$/i.test(entry.name)) out.push(p)
    }
  }
  walk(dir)
  return out.sort()
}

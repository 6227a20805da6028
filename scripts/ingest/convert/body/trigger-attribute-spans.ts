import { Tokenizer, type Token } from 'parse5'

/**
 * Element names whose start tag makes the browser's tree builder switch
 * its tokenizer out of the data state (RCDATA, RAWTEXT, script data,
 * PLAINTEXT) or into foreign content (where CDATA sections are markup),
 * and `template`, whose content the slow path cleans on its own. A tag
 * name is never decoded (only lower-cased), so a body without any of these
 * after a `<` is tokenized by the browser in the data state from start to
 * end, exactly as a lone tokenizer in the data state does.
 */
const LEAVES_DATA_STATE =
  /<(?:script|style|title|textarea|xmp|iframe|noembed|noframes|noscript|plaintext|svg|math|template)/i

/** `[start, end)` of `html` to cut out. */
export type Span = [start: number, end: number]

/**
 * Where the `style` and `on*` attributes of `html`'s start tags are, as
 * the HTML tokenizer (parse5's, spec-compliant) reads them, each with the
 * whitespace before it when what follows is `>` or whitespace, so cutting
 * them leaves every other token as it was (docs/decisions/028). Undefined
 * when cutting text could not be shown to leave the rest of the tree
 * alone: the body leaves the data state (LEAVES_DATA_STATE), a tag repeats
 * an attribute (the browser keeps the first; a cut would promote the
 * second), or an `=` follows a cut (after a value-less attribute it would
 * become that attribute's value).
 */
export function triggerAttributeSpans(html: string): Span[] | undefined {
  if (LEAVES_DATA_STATE.test(html)) return undefined
  const spans: Span[] = []
  let exact = true
  const ignore = () => {}
  const tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag(token: Token.TagToken) {
        const at = token.location?.attrs
        if (!at) return
        for (const { name } of token.attrs) {
          if (!isTriggerAttribute(name)) continue
          const span = widened(html, at[name].startOffset, at[name].endOffset)
          if (span === undefined) exact = false
          else spans.push(span)
        }
      },
      onParseError(error) {
        if (error.code === 'duplicate-attribute') exact = false
      },
      onComment: ignore,
      onDoctype: ignore,
      onEndTag: ignore,
      onEof: ignore,
      onCharacter: ignore,
      onNullCharacter: ignore,
      onWhitespaceCharacter: ignore,
    },
  )
  tokenizer.write(html, true)
  return exact ? spans : undefined
}

/** `html` without `spans` (in document order, not overlapping). */
export function cutSpans(html: string, spans: readonly Span[]): string {
  if (spans.length === 0) return html
  let out = ''
  let at = 0
  for (const [start, end] of spans) {
    out += html.slice(at, start)
    at = end
  }
  return out + html.slice(at)
}

/** Whether an attribute can hold inline script or style (names come lower-cased). */
export function isTriggerAttribute(name: string): boolean {
  const lower = name.toLowerCase()
  return lower === 'style' || lower.startsWith('on')
}

// --- internal ---

/**
 * The attribute at `[start, end)` with the whitespace before it when the
 * next character is `>`, whitespace or the end (the tag reads on as it
 * did); undefined when `=` is next after any whitespace.
 */
function widened(html: string, start: number, end: number): Span | undefined {
  let next = end
  while (isSpace(html.charCodeAt(next))) next++
  if (html.charCodeAt(next) === 0x3d) return undefined // =
  if (next === end && next < html.length && html.charCodeAt(next) !== 0x3e)
    return [start, end]
  let from = start
  while (from > 0 && isSpace(html.charCodeAt(from - 1))) from--
  return [from, end]
}

/** HTML's ASCII whitespace: tab, LF, FF, CR, space. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0a ||
    code === 0x09 ||
    code === 0x0c ||
    code === 0x0d
  )
}

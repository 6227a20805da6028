import { parse, serialize, type DefaultTreeAdapterTypes } from 'parse5'
import {
  cutSpans,
  isTriggerAttribute,
  triggerAttributeSpans,
} from './trigger-attribute-spans.ts'

type ParentNode = DefaultTreeAdapterTypes.ParentNode
type Element = DefaultTreeAdapterTypes.Element

/**
 * A tag or attribute that could hold inline script or style must name it
 * literally (the HTML parser decodes no entities in names), so a body
 * without these substrings cannot raise a parse-time CSP report.
 */
const ELEMENT_TRIGGER = /<(?:script|style)/i
const ATTRIBUTE_TRIGGER = /[\s/"'=](?:on[a-z]|style)/gi

/**
 * Whether `html` may hold a trigger. An attribute name only counts where
 * the tokenizer may be inside a tag, so English prose ("one", "online",
 * "in style") does not send every body through the full parser.
 */
export function mayHoldTrigger(html: string): boolean {
  if (ELEMENT_TRIGGER.test(html)) return true
  for (const match of html.matchAll(ATTRIBUTE_TRIGGER)) {
    if (mayBeInTag(html, match.index)) return true
  }
  return false
}

/**
 * Over-approximates "position `at` is inside a tag": the last `<` before it
 * comes after the last `>`, or a quote follows that `>`. A `>` that does not
 * end the tag sits in a quoted attribute value, whose closing quote then
 * lies between that `>` and `at`; a `>` that does end a tag, with no `<`
 * after it, leaves `at` in text.
 */
function mayBeInTag(html: string, at: number): boolean {
  const lt = html.lastIndexOf('<', at)
  if (lt === -1) return false
  const gt = html.lastIndexOf('>', at)
  if (lt > gt) return true
  const after = html.slice(gt, at)
  return after.includes('"') || after.includes("'")
}

const MAX_ROUNDS = 4

/**
 * Serialised markup that may parse to another tree than the one it came
 * from: the form element pointer, foreign content, templates, `noscript`
 * (scripting flag), raw-text elements, and a leading newline in `pre`,
 * `textarea` and `listing` (the parser drops one). Serialiser output has
 * lower-case names and `>` escaped in attribute values, so a tag is found
 * by its text.
 */
const MAY_NOT_ROUND_TRIP =
  /<(?:form|math|svg|template|noscript|plaintext|xmp|iframe|noembed|noframes)\b|<(?:pre|textarea|listing)\b[^>]*>\n/

/**
 * Whether a round's output needs no further round: it holds no trigger's
 * letters (names are never decoded, so it cannot parse to one) and none of
 * the markup that may not survive a parse and serialise unchanged, so
 * parsing it again would give it back. Saves the second parse and
 * serialisation of almost every styled body (BENCHMARKS.md, ingest floor).
 */
function isSettled(html: string): boolean {
  return !mayHoldTrigger(html) && !MAY_NOT_ROUND_TRIP.test(html)
}

/**
 * Removes `<script>`/`<style>` elements and every `on*` and `style`
 * attribute from a body, as the browser will parse it. Chromium applies
 * the page's CSP to the inert document DOMPurify parses into, so these
 * raise (blocked) violation reports before the sanitiser removes them
 * (docs/decisions/010). A body the tokenizer reads in the data state from
 * start to end (most styled ones) loses just the attributes' text, found
 * by parse5's tokenizer, and stays byte-exact otherwise (decision 028).
 * Any other is parsed the way DOMPurify does it (parse5, spec-compliant),
 * cleaned and serialised, again until it is stable (or, by isSettled,
 * cannot change), so the string the browser receives parses to a clean
 * tree.
 * Noise reduction only: the browser sanitiser stays the security boundary.
 */
export function stripInlineScript(html: string): string {
  if (!mayHoldTrigger(html)) return html
  const spans = triggerAttributeSpans(html)
  return spans ? cutSpans(html, spans) : stripByParsing(html)
}

/**
 * The slow path of stripInlineScript, for any body: parse, clean and
 * serialise until stable. Exported for tests that compare both paths.
 */
export function stripByParsing(html: string): string {
  let current = html
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const body = parseLikeDomPurify(current)
    removeTriggers(body)
    const next = serialize(body)
    if (next === current || isSettled(next)) return next
    current = next
  }
  // Markup that will not settle is kept as its text.
  return serialize(textOnly(parseLikeDomPurify(current)))
}

// --- internal ---

function parseLikeDomPurify(html: string): Element {
  const document = parse(`<remove></remove>${html}`)
  const htmlElement = document.childNodes.find(isElement)!
  const body = htmlElement.childNodes.filter(isElement).at(-1)!
  body.childNodes = body.childNodes.slice(1)
  return body
}

function removeTriggers(parent: ParentNode): void {
  parent.childNodes = parent.childNodes.filter(
    (node) =>
      !(
        isElement(node) &&
        (node.tagName === 'script' || node.tagName === 'style')
      ),
  )
  for (const node of parent.childNodes) {
    if (!isElement(node)) continue
    node.attrs = node.attrs.filter((attr) => !isTriggerAttribute(attr.name))
    removeTriggers(node)
    // Only an HTML template has content; one inside SVG or MathML has none.
    const { content } = node as Partial<DefaultTreeAdapterTypes.Template>
    if (content) removeTriggers(content)
  }
}

function textOnly(body: Element): Element {
  const text = collectText(body)
  body.childNodes = [
    { nodeName: '#text', value: text, parentNode: body },
  ] as DefaultTreeAdapterTypes.TextNode[]
  return body
}

function collectText(node: ParentNode): string {
  return node.childNodes
    .map((child) =>
      child.nodeName === '#text'
        ? (child as DefaultTreeAdapterTypes.TextNode).value
        : isElement(child)
          ? collectText(child)
          : '',
    )
    .join('')
}

function isElement(node: DefaultTreeAdapterTypes.Node): node is Element {
  return 'tagName' in node
}

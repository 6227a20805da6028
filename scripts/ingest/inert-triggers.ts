import type { Parser } from 'htmlparser2'
import type { BodyEdit } from './body-html.ts'

/**
 * Inline script and style that the reader's sanitiser removes anyway, but
 * that Chromium reports as Content-Security-Policy violations while
 * DOMPurify merely parses them (the inert parse document inherits the
 * page's CSP; docs/decisions/004). The ingest drops them from bodies so a
 * reader's console stays clean; it is noise reduction, not the security
 * boundary — the browser sanitiser is.
 */
const DROPPED_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style'])

/** `<script>` and `<style>` are removed with their content. */
export function isDroppedElement(name: string): boolean {
  return DROPPED_ELEMENTS.has(name.toLowerCase())
}

/** Event handlers and `style` attributes are removed from every tag. */
export function isInertTrigger(attribute: string): boolean {
  const name = attribute.toLowerCase()
  return name === 'style' || name.startsWith('on')
}

/**
 * The edit that rewrites one start tag without its trigger attributes, or
 * undefined when it has none (the common case: the tag is left byte-exact).
 */
export function inertTagEdit(
  html: string,
  parser: Parser,
  name: string,
  attrs: Record<string, string>,
): BodyEdit | undefined {
  const names = Object.keys(attrs)
  if (!names.some(isInertTrigger)) return undefined
  const start = parser.startIndex
  const end = parser.endIndex + 1
  const selfClosing = /\/\s*>$/.test(html.slice(start, end))
  const kept = names
    .filter((attr) => !isInertTrigger(attr))
    .map((attr) => ` ${attr}="${escapeAttribute(attrs[attr])}"`)
  return {
    start,
    end,
    text: `<${name}${kept.join('')}${selfClosing ? ' /' : ''}>`,
  }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
}

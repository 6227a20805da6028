const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text or attribute value for HTML: `& < > " '` become entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])
}

// Characters XML 1.0 forbids even as references (C0 controls but tab, LF, CR;
// lone surrogates; U+FFFE/U+FFFF). Aggregated titles do carry them.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text for XML (RSS, sitemaps): escaped, and characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(XML_INVALID, ''))
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>`, `&`
 * and the JS line separators are written as `\uXXXX`, so no value can
 * close the element or start a comment; the JSON means the same.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

import MarkdownIt from 'markdown-it'

const markdown = new MarkdownIt({
  html: true,
  linkify: false,
  typographer: false,
})

/**
 * Whether a Markdown file's body is really HTML, as aggregators write it
 * (`<div>…</div>`): Markdown rendering would turn its indented lines into
 * code blocks, so such bodies are taken as they are.
 */
export function looksLikeHtml(body: string): boolean {
  const text = body.trim()
  return /^<(?:[a-zA-Z][\w-]*|!--)[^]*>$/.test(text) && !/^<https?:/i.test(text)
}

/**
 * The body as HTML. `.html`/`.htm` files and Markdown files whose body is
 * already HTML are kept; Markdown is rendered with markdown-it, raw HTML
 * inside it kept (the reader sanitises every body at render time).
 */
export function renderBody(body: string, extension: string): string {
  if (/^\.html?$/i.test(extension) || looksLikeHtml(body)) return body
  return markdown.render(body)
}

import { isAllowedEmbed } from '../lib/embed-allowlist.ts'

/** Elements that must never come out of the sanitiser. */
const FORBIDDEN_TAGS = new Set(
  [
    ...['script', 'object', 'embed', 'applet', 'base', 'meta', 'link'],
    ...['form', 'input', 'button', 'select', 'textarea', 'option', 'style'],
    ...['svg', 'math', 'template', 'frame', 'frameset', 'noscript', 'portal'],
    ...['dialog', 'xmp', 'plaintext', 'noembed', 'noframes', 'title', 'track'],
  ].map((tag) => tag.toUpperCase()),
)

/** Attributes that must never come out, whatever their value. */
const FORBIDDEN_ATTRIBUTES = new Set([
  ...['srcdoc', 'formaction', 'action', 'xlink:href', 'style', 'id', 'name'],
  ...['background', 'ping', 'popover', 'popovertarget', 'commandfor'],
  ...['command', 'is', 'autofocus', 'contenteditable', 'autoplay'],
  ...['data', 'codebase', 'form', 'dynsrc', 'lowsrc', 'attributename'],
])

const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'srcset'])

const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,/i

/**
 * Lists everything script-capable (or against our policy) left in a
 * sanitised tree; an empty list means clean. Used by the sanitiser's unit
 * proof; the browser journey checks the rendered article the same way.
 */
export function findScriptResidue(root: ParentNode): string[] {
  const problems: string[] = []
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toUpperCase()
    if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      problems.push(`foreign element <${element.tagName}>`)
    }
    if (FORBIDDEN_TAGS.has(tag)) problems.push(`element <${tag}>`)
    if (tag === 'IFRAME') problems.push(...checkIframe(element))
    for (const { name, value } of element.attributes) {
      const lcName = name.toLowerCase()
      if (lcName.startsWith('on')) problems.push(`handler ${name}`)
      if (FORBIDDEN_ATTRIBUTES.has(lcName)) problems.push(`attribute ${name}`)
      if (URL_ATTRIBUTES.has(lcName) && !isInertUrl(lcName, value)) {
        problems.push(`${name}="${value}" on <${tag}>`)
      }
    }
  }
  return problems
}

function checkIframe(iframe: Element): string[] {
  const src = iframe.getAttribute('src') ?? ''
  const problems: string[] = []
  if (!URL.canParse(src) || !isAllowedEmbed(new URL(src))) {
    problems.push(`iframe not on the allowlist: ${src}`)
  }
  if (!iframe.getAttribute('sandbox')?.includes('allow-scripts')) {
    problems.push('iframe without the sandbox')
  }
  return problems
}

function isInertUrl(name: string, value: string): boolean {
  const candidates =
    name === 'srcset'
      ? value.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0] ?? '')
      : [value]
  return candidates.every((candidate) => {
    // What the URL parser sees: no control characters or whitespace.
    // eslint-disable-next-line no-control-regex
    const compact = candidate.replace(/[\u0000-\u0020]/g, '').toLowerCase()
    if (/^(?:javascript|vbscript|livescript|file|blob):/.test(compact)) {
      return false
    }
    if (compact.startsWith('data:')) return SAFE_DATA_IMAGE.test(compact)
    return true
  })
}

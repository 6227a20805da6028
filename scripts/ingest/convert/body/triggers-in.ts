import { parse, type DefaultTreeAdapterTypes } from 'parse5'

/** Script- or style-capable parts of `html` as a browser parses it. */
export function triggersIn(html: string): string[] {
  const found: string[] = []
  const visit = (node: DefaultTreeAdapterTypes.ChildNode) => {
    if (!('tagName' in node)) return
    if (node.tagName === 'script' || node.tagName === 'style') {
      found.push(`<${node.tagName}>`)
    }
    for (const attr of node.attrs) {
      if (/^(on|style$)/i.test(attr.name)) found.push(attr.name)
    }
    const content = (
      node as { content?: { childNodes: typeof node.childNodes } }
    ).content
    for (const child of [...node.childNodes, ...(content?.childNodes ?? [])]) {
      visit(child)
    }
  }
  parse(`<remove></remove>${html}`).childNodes.forEach(visit)
  return found
}

import { DomUtils, parseDocument } from 'htmlparser2'
import type {
  FeedOptions,
  Subscription,
  SubscriptionList,
} from './subscription-types.ts'
import { FEED_OPTION_NAMES, readOption } from './subscription-types.ts'
import { redactUrl } from '../fetch/redact-url.ts'

type Element = ReturnType<typeof DomUtils.findAll>[number]

/**
 * Reads an OPML 2.0 subscription list (OPML 1.0 too: the same outlines).
 * A feed is an `<outline>` with `xmlUrl` (a site's address there is
 * resolved by autodiscovery); an outline without one is a folder, and the
 * folders around a feed are its category path. Options are extra
 * attributes, `zixun:fullText="true"`, `zixun:maxItems="200"`,
 * `zixun:keepDays="90"` (also without the prefix). Returns the list and
 * every problem found, each with its line.
 */
export function readOpml(text: string): {
  list: SubscriptionList
  problems: string[]
} {
  const problems: string[] = []
  const doc = parseDocument(text, { xmlMode: true, withStartIndices: true })
  const root = doc.children.find((n): n is Element => n.type === 'tag')
  const lineOf = (el: Element) => lineAt(text, el.startIndex ?? 0)
  if (!root || root.name.toLowerCase() !== 'opml') {
    problems.push(
      root
        ? `the root element is <${root.name}>, not <opml>`
        : 'not XML: no root element',
    )
    return { list: { feeds: [] }, problems }
  }
  const body = child(root, 'body')
  if (!body) {
    problems.push('<opml> has no <body>')
    return { list: { feeds: [] }, problems }
  }
  const feeds: Subscription[] = []
  const walk = (parent: Element, path: string[]) => {
    for (const outline of children(parent, 'outline')) {
      const url = attr(outline, 'xmlUrl')
      const name = [attr(outline, 'title'), attr(outline, 'text')].find(
        // Some exporters put the URL in `text`: that is no title.
        (n) => n?.trim() && !/^https?:\/\//i.test(n.trim()),
      )
      if (!url) {
        const folder = name?.trim()
        if (!folder && children(outline, 'outline').length > 0) {
          problems.push(
            `line ${lineOf(outline)}: a folder outline needs a text attribute`,
          )
        }
        walk(outline, folder ? [...path, folder] : path)
        continue
      }
      const where = `line ${lineOf(outline)}`
      const options = readOutlineOptions(outline, where, problems)
      if (!/^https?:\/\//i.test(url.trim())) {
        problems.push(
          `${where}: xmlUrl is not an http(s) URL: ${JSON.stringify(redactUrl(url))}`,
        )
        continue
      }
      const siteUrl = attr(outline, 'htmlUrl')
      feeds.push({
        url: url.trim(),
        ...(name?.trim() ? { title: name.trim() } : {}),
        ...(siteUrl ? { siteUrl } : {}),
        category: path,
        options,
      })
    }
  }
  walk(body, [])
  const title = DomUtils.textContent(
    child(child(root, 'head'), 'title') ?? [],
  ).trim()
  return { list: { ...(title ? { title } : {}), feeds }, problems }
}

function readOutlineOptions(
  outline: Element,
  where: string,
  problems: string[],
): FeedOptions {
  const options: Record<string, unknown> = {}
  for (const name of FEED_OPTION_NAMES) {
    const raw = attr(outline, `zixun:${name}`) ?? attr(outline, name)
    if (raw === undefined) continue
    const value = readOption(name, raw)
    if (typeof value === 'string') problems.push(`${where}: ${value}`)
    else options[name] = value
  }
  return options as FeedOptions
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

function children(el: Element | undefined, name: string): Element[] {
  if (!el) return []
  return el.children.filter(
    (n): n is Element => n.type === 'tag' && n.name.toLowerCase() === name,
  )
}

function child(el: Element | undefined, name: string): Element | undefined {
  return children(el, name)[0]
}

/** An attribute by name, case-insensitively (`xmlURL` exists in the wild). */
function attr(el: Element, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [key, value] of Object.entries(el.attribs)) {
    if (key.toLowerCase() === lower) return value
  }
  return undefined
}

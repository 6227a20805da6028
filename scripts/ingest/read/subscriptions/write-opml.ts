import { encodeXML } from 'entities'
import type { Subscription, SubscriptionList } from './subscription-types.ts'
import { FEED_OPTION_NAMES } from './subscription-types.ts'

/** The namespace of Zixun's own outline attributes. */
export const ZIXUN_OPML_NAMESPACE = 'urn:x-zixun:opml'

/**
 * The list as OPML 2.0: folders for category paths (in the order they
 * first appear), one `<outline type="rss">` per feed with `text`, `title`,
 * `xmlUrl`, `htmlUrl` and the options as `zixun:` attributes. `readOpml`
 * reads it back to the same list.
 */
export function writeOpml(list: SubscriptionList): string {
  const root: Folder = { name: '', folders: new Map(), order: [] }
  for (const feed of list.feeds) {
    let folder = root
    for (const name of feed.category) {
      let next = folder.folders.get(name)
      if (!next) {
        next = { name, folders: new Map(), order: [] }
        folder.folders.set(name, next)
        folder.order.push(next)
      }
      folder = next
    }
    folder.order.push(feed)
  }
  const title = encodeXML(list.title ?? 'Zixun subscriptions')
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:zixun="${ZIXUN_OPML_NAMESPACE}">`,
    `  <head>\n    <title>${title}</title>\n  </head>`,
    '  <body>',
    ...root.order.flatMap((entry) => lines(entry, 2)),
    '  </body>',
    '</opml>',
    '',
  ].join('\n')
}

type Folder = {
  name: string
  folders: Map<string, Folder>
  /** Sub-folders and feeds in the order they first appear. */
  order: Array<Folder | Subscription>
}

function lines(entry: Folder | Subscription, depth: number): string[] {
  const pad = '  '.repeat(depth)
  if ('order' in entry) {
    return [
      `${pad}<outline text="${encodeXML(entry.name)}">`,
      ...entry.order.flatMap((e) => lines(e, depth + 1)),
      `${pad}</outline>`,
    ]
  }
  const name = entry.title ?? entry.url
  const attrs = [
    `type="rss"`,
    `text="${encodeXML(name)}"`,
    ...(entry.title ? [`title="${encodeXML(entry.title)}"`] : []),
    `xmlUrl="${encodeXML(entry.url)}"`,
    ...(entry.siteUrl ? [`htmlUrl="${encodeXML(entry.siteUrl)}"`] : []),
    ...FEED_OPTION_NAMES.flatMap((option) =>
      entry.options[option] === undefined
        ? []
        : [`zixun:${option}="${String(entry.options[option])}"`],
    ),
  ]
  return [`${pad}<outline ${attrs.join(' ')}/>`]
}

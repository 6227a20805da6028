import { cleanName } from './categories.ts'
import { resolveUrl } from './clean-url.ts'
import { PostError } from './errors.ts'
import { parseXmlFeed, type Feed } from './parse-feed.ts'
import { parseJsonFeed } from './parse-json-feed.ts'
import { prepareArticle } from './prepare-article.ts'
import {
  rejection,
  type InputTask,
  type Outcome,
  type TextInput,
} from './read-input.ts'
import { normalizeText } from './split-front-matter.ts'
import { toArticle, type RawPost, type ToArticleOptions } from './to-article.ts'

/**
 * Turns every item of a feed file into an outcome named `<file>#<n>`
 * (1-based), with the feed's title as source. Item links are resolved
 * against the feed's site link; an item with neither guid nor link is
 * keyed by feed path + title + date, so its id survives new items.
 */
export function readFeed(
  task: InputTask,
  input: TextInput,
  options: ToArticleOptions,
): Outcome[] {
  const feed = parseAnyFeed(normalizeText(input.text))
  if (feed.items.length === 0) throw new PostError('feed has no items')
  const source = cleanName(feed.title)
  return feed.items.map((item, index) => {
    const file = `${task.file}#${index + 1}`
    try {
      const link =
        typeof item.data.link === 'string'
          ? resolveUrl(item.data.link, feed.link)
          : undefined
      const raw: RawPost = {
        file,
        relPath: `${task.relPath}#${itemKey(item.data, index)}`,
        data: { ...item.data, link },
        html: item.html,
        categoryStyle: 'flat',
        ...(source ? { source } : {}),
        mtimeMs: input.mtimeMs,
      }
      const converted = toArticle(raw, options)
      converted.notes.unshift(...feed.notes)
      return { file, ok: true as const, prepared: prepareArticle(converted) }
    } catch (error) {
      return rejection(file, error)
    }
  })
}

function parseAnyFeed(text: string): Feed {
  return /^\s*[{[]/.test(text) ? parseJsonFeed(text) : parseXmlFeed(text)
}

function itemKey(data: Record<string, unknown>, index: number): string {
  const parts = [data.title, data.date].filter(
    (v) => typeof v === 'string' && v !== '',
  )
  return parts.length > 0 ? parts.join('|') : String(index + 1)
}

import { parse as parseYaml } from 'yaml'
import type { Subscription, SubscriptionList } from './subscription-types.ts'
import { FEED_OPTION_NAMES, readOption } from './subscription-types.ts'

/**
 * Reads the YAML or JSON form of the subscription list:
 * `{ title?, feeds: [{ url, title?, category?, fullText?, maxItems?, keepDays? }] }`,
 * where `category` is a path as a list (`[科技, 开源]`) or a string with
 * `/` or ` › ` between folders. Returns the list and every problem found.
 */
export function readFeedConfig(
  text: string,
  format: 'yaml' | 'json',
): { list: SubscriptionList; problems: string[] } {
  const problems: string[] = []
  let doc: unknown
  try {
    doc = format === 'json' ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    problems.push(
      `not valid ${format.toUpperCase()}: ${(error as Error).message}`,
    )
    return { list: { feeds: [] }, problems }
  }
  const record = isRecord(doc) ? doc : undefined
  const entries = Array.isArray(doc) ? doc : record?.feeds
  if (!Array.isArray(entries)) {
    problems.push('expected a "feeds" list')
    return { list: { feeds: [] }, problems }
  }
  const feeds: Subscription[] = []
  entries.forEach((entry, i) => {
    const where = `feeds[${i}]`
    const item = typeof entry === 'string' ? { url: entry } : entry
    if (
      !isRecord(item) ||
      typeof item.url !== 'string' ||
      !/^https?:\/\//i.test(item.url.trim())
    ) {
      problems.push(`${where}: needs a "url" that is an http(s) URL`)
      return
    }
    const options: Record<string, unknown> = {}
    for (const name of FEED_OPTION_NAMES) {
      if (item[name] === undefined) continue
      const value = readOption(name, item[name])
      if (typeof value === 'string') problems.push(`${where}: ${value}`)
      else options[name] = value
    }
    const category = readCategory(item.category, where, problems)
    feeds.push({
      url: item.url.trim(),
      ...(typeof item.title === 'string' && item.title.trim()
        ? { title: item.title.trim() }
        : {}),
      ...(typeof item.siteUrl === 'string' ? { siteUrl: item.siteUrl } : {}),
      category,
      options,
    })
  })
  const title = typeof record?.title === 'string' ? record.title : undefined
  return { list: { ...(title ? { title } : {}), feeds }, problems }
}

function readCategory(
  value: unknown,
  where: string,
  problems: string[],
): string[] {
  if (value === undefined || value === null) return []
  const parts = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/\s*(?:\/|›)\s*/)
      : undefined
  if (
    !parts ||
    !parts.every((p) => typeof p === 'string' || typeof p === 'number')
  ) {
    problems.push(`${where}: category must be a list of names or a "a/b" path`)
    return []
  }
  return parts.map((p) => String(p).trim()).filter((p) => p !== '')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

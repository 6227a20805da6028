import type { Random } from './prng.ts'
import type { Topic } from './taxonomy.ts'

/**
 * Phrase banks: templates whose `{slot}`s are filled from `slots` or, for
 * numbers, generated (`{n}` 2–99, `{pct}` 0.5–68.9, `{ver}` 1.0–19.9,
 * `{price}` 999–9999, `{year}` 2026–2028, `{small}` 0.1–2.9).
 */
export type TopicBank = {
  titles: readonly string[]
  sentences: readonly string[]
  headings: readonly string[]
  items: readonly string[]
  quotes: readonly string[]
  /** Rows of `a|b|c`; the first row is the header. */
  table: readonly string[]
  slots: Readonly<Record<string, readonly string[]>>
}

export type LanguageBank = {
  topics: Readonly<Record<Topic, TopicBank>>
  /** Said-by lines under a quote, `{org}` allowed. */
  attributions: readonly string[]
  captions: readonly string[]
  /** Joins sentences into a paragraph. */
  space: string
  codeIntro: readonly string[]
}

const numbers: Record<string, (random: Random) => string> = {
  n: (random) => String(random.int(2, 99)),
  pct: (random) => (random.int(5, 689) / 10).toFixed(1),
  ver: (random) => `${random.int(1, 19)}.${random.int(0, 9)}`,
  price: (random) => String(random.int(10, 99) * 100 - 1),
  year: (random) => String(random.int(2026, 2028)),
  small: (random) => (random.int(1, 29) / 10).toFixed(1),
}

/** Slots that name the story's subject: once chosen, a post keeps them. */
const sticky = new Set([
  'genre',
  'patch',
  'org',
  'product',
  'project',
  'game',
  'studio',
  'tool',
  'sector',
])

/**
 * Fills every `{slot}` of `template`; unknown slots are left as they are.
 * Pass the same `memory` for one post so its subject stays the same.
 */
export function fill(
  template: string,
  bank: TopicBank,
  random: Random,
  memory = new Map<string, string>(),
): string {
  const parts = split(template)
  let out = parts[0]
  for (let i = 1; i < parts.length; i += 2) {
    out += slot(parts[i], bank, random, memory) + parts[i + 1]
  }
  return out
}

// --- internal ---

const templates = new Map<string, string[]>()

/** `'a{b}c'` → `['a', 'b', 'c']`: text at even indices, slot names at odd. */
function split(template: string): string[] {
  let parts = templates.get(template)
  if (!parts) {
    parts = template.split(/\{(\w+)\}/)
    templates.set(template, parts)
  }
  return parts
}

function slot(
  name: string,
  bank: TopicBank,
  random: Random,
  memory: Map<string, string>,
): string {
  const number = numbers[name]
  if (number) return number(random)
  const remembered = memory.get(name)
  if (remembered) return remembered
  const choices = bank.slots[name]
  if (!choices) return `{${name}}`
  const value = random.pick(choices)
  if (sticky.has(name)) memory.set(name, value)
  return value
}

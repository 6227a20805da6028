import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createRandom, type Random } from '../../demo/prng.ts'
import {
  chineseVocabulary,
  englishVocabulary,
  lengthOf,
  WordSource,
  type Language,
} from './zipf-text.ts'

/**
 * The search benchmark's corpora: `count` Markdown posts, about half in
 * Chinese and half in English, with a Zipf-like vocabulary and topics
 * (zipf-text.ts), realistic lengths for aggregated news (log-normal:
 * Chinese bodies around 600 characters, English around 250 words, a long
 * tail to 8,000 characters), 12 categories in two levels, dates over two
 * years. Deterministic: the same count and seed give the same bytes.
 */

const CATEGORIES = [
  ['科技', '开源'],
  ['科技', '硬件'],
  ['科技', '人工智能'],
  ['财经', '市场'],
  ['财经', '公司'],
  ['World', 'Europe'],
  ['World', 'Asia'],
  ['Science', 'Space'],
  ['Science', 'Climate'],
  ['游戏', '新闻'],
  ['Sport', 'Football'],
  ['文化', '书评'],
]

const START_MS = Date.UTC(2025, 0, 1)
const SPAN_MS = 730 * 24 * 3600 * 1000

export type SearchCorpus = { dir: string; count: number }

type Sources = Record<Language, WordSource>

function sources(seed: string): Sources {
  return {
    en: new WordSource(englishVocabulary(60000, seed), 200, `${seed}:en`),
    zh: new WordSource(chineseVocabulary(80000, seed), 200, `${seed}:zh`),
  }
}

/** Writes the corpus under `dir` (emptied first) unless it is there already. */
export function writeSearchCorpus(
  dir: string,
  count: number,
  seed = 'zixun-search',
): SearchCorpus {
  const marker = path.join(dir, '.generated')
  if (existsSync(marker)) return { dir, count }
  rmSync(dir, { recursive: true, force: true })
  const random = createRandom(`${seed}:${count}`)
  const words = sources(seed)
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, String(Math.floor(i / 1000)).padStart(4, '0'))
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true })
    writeFileSync(path.join(folder, `${i}.md`), post(i, random, words))
  }
  writeFileSync(marker, `${count}\n`)
  return { dir, count }
}

function post(i: number, random: Random, words: Sources): string {
  const language: Language = random.chance(0.5) ? 'zh' : 'en'
  const topic = random.int(0, 199)
  const category = CATEGORIES[(topic + random.int(0, 2)) % CATEGORIES.length]
  const date = new Date(START_MS + Math.floor(random.next() * SPAN_MS))
  const title =
    language === 'zh'
      ? chineseTitle(random, words, topic)
      : englishTitle(random, words, topic)
  const body =
    language === 'zh'
      ? chineseBody(random, words, topic)
      : englishBody(random, words, topic)
  const matter = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${date.toISOString()}`,
    'categories:',
    ...category.map((name) => `  - ${name}`),
    `link: https://news.example/${language}/${i}`,
    '---',
    '',
  ]
  return `${matter.join('\n')}${body}\n`
}

function chineseText(
  random: Random,
  words: Sources,
  topic: number,
  chars: number,
): string {
  let text = ''
  let sinceComma = 0
  while (text.length < chars) {
    // News in Chinese carries Latin names and numbers now and then.
    if (random.chance(0.03)) text += ` ${words.en.word(random, topic)} `
    else if (random.chance(0.01)) text += String(random.int(2, 2026))
    else text += words.zh.word(random, topic)
    if (++sinceComma > 6 + random.int(0, 10)) {
      text += random.chance(0.3) ? '。' : '，'
      sinceComma = 0
    }
  }
  return `${text}。`
}

function chineseTitle(random: Random, words: Sources, topic: number): string {
  return chineseText(random, words, topic, random.int(8, 24))
    .replace(/[，。]/g, ' ')
    .trim()
}

function chineseBody(random: Random, words: Sources, topic: number): string {
  const total = lengthOf(random, 600, 60, 8000)
  const paragraphs: string[] = []
  for (let left = total; left > 0;) {
    const size = Math.min(left, random.int(80, 300))
    paragraphs.push(chineseText(random, words, topic, size))
    left -= size
  }
  return paragraphs.join('\n\n')
}

function englishSentence(
  random: Random,
  words: Sources,
  topic: number,
  count: number,
): string {
  const parts: string[] = []
  for (let i = 0; i < count; i++) parts.push(words.en.word(random, topic))
  if (random.chance(0.05)) parts.push(String(random.int(2, 2026)))
  const sentence = parts.join(' ')
  return sentence[0].toUpperCase() + sentence.slice(1)
}

function englishTitle(random: Random, words: Sources, topic: number): string {
  return englishSentence(random, words, topic, random.int(4, 11))
}

function englishBody(random: Random, words: Sources, topic: number): string {
  const total = lengthOf(random, 250, 20, 2500)
  const paragraphs: string[] = []
  for (let left = total; left > 0;) {
    const sentences: string[] = []
    const size = Math.min(left, random.int(40, 120))
    for (let n = size; n > 0;) {
      const length = Math.min(n, random.int(6, 24))
      sentences.push(`${englishSentence(random, words, topic, length)}.`)
      n -= length
    }
    paragraphs.push(sentences.join(' '))
    left -= size
  }
  return paragraphs.join('\n\n')
}

import { codeSnippets } from './code-snippets.ts'
import { fill } from './phrase-bank.ts'
import type { LanguageBank, TopicBank } from './phrase-bank.ts'
import { createDeck } from './prng.ts'
import type { Random } from './prng.ts'
import { IMAGE_URL_PREFIX } from './svg-image.ts'
import type { DemoImage } from './svg-image.ts'
import type { BodyStyle } from './taxonomy.ts'

export type BodyInput = {
  random: Random
  language: LanguageBank
  topic: TopicBank
  style: BodyStyle
  /** The title as the source wrote it (before the aggregator cleaned it). */
  title: string
  /** Inline images, in order; empty for a post without images. */
  images: readonly DemoImage[]
  /** The original article, for link posts. */
  link?: string
  /** Slot values the title chose, so the body tells the same story. */
  memory: Map<string, string>
}

type Context = BodyInput & {
  say: (template: string) => string
  sentence: () => string
  heading: () => string
  extra: () => Block
  image: () => string
  later: DemoImage[]
}

type Block = (context: Context) => string

/** Builds the body HTML (what goes inside the aggregator's `<div>`). */
export function buildBody(input: BodyInput): string {
  const context = createContext(input)
  const { random, style } = context
  if (style === 'link') {
    return `Link: <a href="${input.link}">${escapeHtml(input.title)}</a>${context.image()}`
  }
  if (style === 'flash') {
    const text = sentences(context, random.int(1, 3))
    return context.image() + (random.chance(0.5) ? text : `<p>${text}</p>`)
  }
  const lead = [paragraph(context), context.image()]
  if (style === 'feature') lead.push(paragraph(context))
  const [min, max] = style === 'feature' ? [4, 6] : [2, 3]
  const count = random.int(min, max)
  const blocks = Array.from({ length: count }, (_, i) => section(context, i))
  return [...lead, ...blocks.flat()].filter(Boolean).join('\n')
}

/**
 * The same kind of story in Markdown (a Hexo post written by hand):
 * paragraphs, headings, a list, a quote, code for projects, an image.
 */
export function buildMarkdownBody(input: BodyInput): string {
  const context = createContext(input)
  const { random, topic, say } = context
  const item = createDeck(random, topic.items)
  const blocks = [sentences(context, random.int(2, 3))]
  const [image] = input.images
  if (image) {
    const alt = random.pick(input.language.captions)
    blocks.push(`![${alt}](${IMAGE_URL_PREFIX}${image.file})`)
  }
  blocks.push(
    `## ${context.heading()}`,
    sentences(context, random.int(2, 4)),
    Array.from({ length: random.int(3, 4) }, () => `- ${say(item())}`).join(
      '\n',
    ),
    `> ${random.pick(topic.quotes)}`,
  )
  if (topic.slots.project) {
    const snippet = random.pick(codeSnippets)
    const project = say('{project}').toLowerCase().replaceAll(' ', '-')
    const code = snippet.code.replaceAll('{project}', project)
    blocks.push(`\`\`\`${snippet.lang}\n${code}\n\`\`\``)
  }
  blocks.push(`### ${context.heading()}`, sentences(context, random.int(1, 3)))
  return blocks.join('\n\n')
}

// --- internal ---

function createContext(input: BodyInput): Context {
  const { random, topic, memory } = input
  const say = (template: string) => fill(template, topic, random, memory)
  const sentence = createDeck(random, topic.sentences)
  const heading = createDeck(random, topic.headings)
  const extra = createDeck(random, topic.slots.project ? withCode : extras)
  const later = [...input.images]
  const context: Context = {
    ...input,
    say,
    sentence: () => say(sentence()),
    heading: () => say(heading()),
    extra,
    later,
    image: () => {
      const next = later.shift()
      return next ? figure(context, next) : ''
    },
  }
  return context
}

function section(context: Context, index: number): string[] {
  const { random } = context
  const level = index > 0 && random.chance(0.3) ? 'h3' : 'h2'
  const out = [`<${level}>${context.heading()}</${level}>`, paragraph(context)]
  out.push(context.extra()(context))
  if (random.chance(0.5)) out.push(paragraph(context))
  if (index > 0 && random.chance(0.6)) out.push(context.image())
  return out
}

const list: Block = (context) => {
  const tag = context.random.chance(0.5) ? 'ul' : 'ol'
  const item = createDeck(context.random, context.topic.items)
  const items = Array.from({ length: context.random.int(3, 5) }, () =>
    context.say(item()),
  )
  return `<${tag}>\n${items.map((text) => ` <li>${text}</li>`).join('\n')}\n</${tag}>`
}

const quote: Block = ({ random, topic, language, say }) =>
  `<blockquote><p>${random.pick(topic.quotes)}</p><p>${say(random.pick(language.attributions))}</p></blockquote>`

const table: Block = ({ topic, say }) => {
  const [head, ...rows] = topic.table.map((row) => say(row).split('|'))
  const cells = (row: string[], tag: string) =>
    `<tr>${row.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`
  return `<table><thead>${cells(head, 'th')}</thead><tbody>${rows.map((row) => cells(row, 'td')).join('')}</tbody></table>`
}

const code: Block = ({ random, language, say }) => {
  const snippet = random.pick(codeSnippets)
  const project = say('{project}').toLowerCase().replaceAll(' ', '-')
  const text = snippet.code.replaceAll('{project}', project)
  return `<p>${random.pick(language.codeIntro)}</p>\n<pre><code class="language-${snippet.lang}">${escapeHtml(text)}</code></pre>`
}

const extras: readonly Block[] = [list, list, quote, table, paragraph]
const withCode: readonly Block[] = [...extras, code, code]

function paragraph(context: Context): string {
  return `<p>${sentences(context, context.random.int(2, 4))}</p>`
}

function sentences(context: Context, count: number): string {
  return Array.from({ length: count }, context.sentence).join(
    context.language.space,
  )
}

function figure({ random, language }: Context, image: DemoImage): string {
  const img = `<img src="${IMAGE_URL_PREFIX}${image.file}" alt="${random.pick(language.captions)}" width="${image.width}" height="${image.height}" referrerpolicy="no-referrer">`
  return random.chance(0.5)
    ? `<figure>${img}<figcaption>${random.pick(language.captions)}</figcaption></figure>`
    : `<p>${img}</p>`
}

/** Escapes text for HTML, and braces as the aggregator does (`&#123;`, `&#125;`). */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll('{', '&#123;')
    .replaceAll('}', '&#125;')
}

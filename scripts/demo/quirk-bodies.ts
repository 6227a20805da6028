import type { PostParts } from './post-parts.ts'
import type { QuirkContext } from './quirk-titles.ts'

/** `style-block`: 掘金's theme `<style>` inside the body (braces as entities). */
export function styleBlock(parts: PostParts) {
  const css =
    '@charset "UTF-8";.markdown-body&#123;line-height:1.75;color:#333;letter-spacing:2px;background-size:20px 20px&#125;' +
    '.markdown-body h2&#123;font-size:20px;border-left:5px solid #773098&#125;.markdown-body pre&#123;overflow:auto&#125;'
  let heading = 0
  // 掘金 posts are about code: one block at least, for the copy button.
  const code = parts.body.includes('</pre>')
    ? ''
    : '\n<pre><code class="copyable">npm run build</code></pre>'
  const body = `${parts.body}${code}`
    .replace(/<h([23])>/g, (_m, level: string) => {
      heading++
      return `<h${level} data-id="heading-${heading}">`
    })
    .replace(/<img /g, '<img loading="lazy" ')
    .replace(
      /<\/code><\/pre>/g,
      '<span class="copy-code-btn">复制代码</span></code></pre>',
    )
  parts.body = `<div class="markdown-body"><style>${css}</style>${body}</div>`
}

const PSEUDO_TAGS: Record<'zh' | 'en', readonly string[]> = {
  zh: [
    '只需运行 wsl --install -d <DistroName> 即可安装所选的发行版。',
    '在 pom.xml 里加入一个 <dependency> 节点，再重新构建。',
    '把 List<T> 换成自己的类型即可。',
  ],
  en: [
    'Run wsl --install -d <DistroName> to pick another distribution.',
    'Add a <dependency> entry to the build file and rebuild.',
    'Swap the <T> in List<T> for your own type.',
  ],
}

/** `pseudo-tags`: text that looks like a tag, unescaped, in a paragraph. */
export function pseudoTags(parts: PostParts, { random, full }: QuirkContext) {
  const lines = PSEUDO_TAGS[parts.feed.lang]
  const text = full ? lines.join(' ') : random.pick(lines)
  parts.body = insertAfterFirstParagraph(parts.body, `<p>${text}</p>`)
}

const P_STYLE = 'color:#000000; margin-left:0; margin-right:0; text-align:start'
const SPAN_STYLE = 'background-color:#ffffff; color:#40485b'

/**
 * `inline-styles`: OSChina's editor output: `style` on most paragraphs
 * and lists, text in nested styled spans, empty `<p> </p>`, `<span> </span>`.
 */
export function inlineStyles(parts: PostParts, { random, full }: QuirkContext) {
  parts.body = parts.body
    .replace(/<p>([^<]*)<\/p>/g, (match, text: string) => {
      if (text.trim() === '' || (!full && random.chance(0.2))) return match
      const inner = full || random.chance(0.5) ? spans(text) : text
      return `<p style="${P_STYLE}">${inner}</p> `
    })
    .replace(/<(ul|ol)>/g, `<$1 style="margin-left:0; margin-right:0">`)
  parts.body = insertAfterFirstParagraph(
    parts.body,
    `<p> </p>\n<p style="${P_STYLE}"><span> </span><strong>${parts.feed.author}</strong><span> </span></p>`,
  )
}

function spans(text: string): string {
  const [first, ...rest] = text.split(/(?<=[。！？])|(?<=[.!?])\s+/)
  const outer = `<span style="${SPAN_STYLE}">${first}</span>`
  return rest.length === 0
    ? outer
    : `${outer}<br> <span style="${SPAN_STYLE}"><span>${rest.join(' ')}</span></span>`
}

/** `whitespace-runs`: OSChina's indentation, outside `<pre>` only. */
export function whitespaceRuns(parts: PostParts, { random }: QuirkContext) {
  const pieces = parts.body.split(/(<pre[\s\S]*?<\/pre>)/)
  parts.body = pieces
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(
            />\n</g,
            () =>
              `>${' '.repeat(random.int(0, 2))}\n${' '.repeat(random.int(40, 96))}<`,
          ),
    )
    .join('')
  parts.body = `\n${' '.repeat(68)}\n${' '.repeat(56)}${parts.body}\n${' '.repeat(40)}`
}

type Markup = (parts: PostParts) => string

/** The oddities of cnBeta, IT 之家, 3DMGame and ZAKER bodies. */
const SOURCE_MARKUP: readonly Markup[] = [
  // cnBeta: bare text before the first paragraph.
  (p) =>
    p.feed.lang === 'zh'
      ? `据外媒报道，<strong>${p.feed.author}</strong>整理了要点：<br>\n${p.body}`
      : `According to a report, <strong>${p.feed.author}</strong> sums it up:<br>\n${p.body}`,
  // 3DMGame: centred images, indented paragraphs broken mid-sentence.
  (p) =>
    p.body
      .replace(/<p>(<img [^>]*>)<\/p>/g, '<p align="center">\n$1 \n</p>')
      .replace(
        /<p>([^<]{24,}?)([，,] ?)([^<]*)<\/p>/,
        '<p style="text-indent:2em;">\n$1$2\n$3\n</p>',
      ),
  // cnBeta: empty titles, a non-standard `_src`; IT 之家: `w`/`h`, data-vmark.
  (p) =>
    p.body
      .replace(/<img src="([^"]*)"/g, '<img title="" _src="$1" src="$1"')
      .replace(
        / width="(\d+)" height="(\d+)"/g,
        ' w="$1" h="$2" width="$1" height="$2"',
      )
      .replace(/<p>/, '<p data-vmark="f5e8">'),
  // ZAKER: an `onclick` without a value, a video only as JSON, empty paragraphs.
  (p) =>
    `<p></p><div class="img_box" onclick data-zkinfo="%7B%22type%22%3A%22video%22%2C%22w%22%3A1080%7D"></div>${p.body}<p></p>`,
  // cnBeta: an affiliate link with a raw `&`, a Windows path with backslashes.
  (p) =>
    insertAfterFirstParagraph(
      p.body,
      `<p>${p.feed.lang === 'zh' ? '下载地址' : 'Download'}: <a href="https://shop.example.com/c/1251234?u=https%3A%2F%2Fwww.example.com%2Fitem&sub=feed&utm_source=rss" target="_blank" title="">${p.feed.author}</a>, C:\\Program Files\\Demo\\app.exe</p>`,
    ),
  // 3DMGame: a character lost in encoding (in the last long paragraph, so a
  // title quoted at the top stays whole).
  (p) => {
    const last = [...p.body.matchAll(/<p>([^<]{6})([^<]{6,})<\/p>/g)].at(-1)
    if (last?.index === undefined) return p.body
    const lost = `<p>${last[1]}?${last[2]}</p>`
    return (
      p.body.slice(0, last.index) +
      lost +
      p.body.slice(last.index + last[0].length)
    )
  },
]

/** `source-markup`: two to four of the oddities above (all of them in full). */
export function sourceMarkup(parts: PostParts, { random, full }: QuirkContext) {
  const count = random.int(2, 4)
  const start = random.int(0, SOURCE_MARKUP.length - 1)
  SOURCE_MARKUP.forEach((markup, i) => {
    const offset = (i - start + SOURCE_MARKUP.length) % SOURCE_MARKUP.length
    if (full || offset < count) parts.body = markup(parts)
  })
}

/** `braces` in the body: template syntax in prose and a config in code. */
export function bracesBody(parts: PostParts) {
  const prose =
    parts.feed.lang === 'zh'
      ? '模板里写 &#123;&#123; title &#125;&#125; 即可输出标题。'
      : 'Write &#123;&#123; title &#125;&#125; in the template to print the title.'
  const config =
    'server &#123;\n    listen       8088;\n    location / &#123;\n        root D://demo/dist;\n        index  index.html;\n    &#125;\n&#125;'
  parts.body = insertAfterFirstParagraph(
    parts.body,
    `<p>${prose}</p>\n<pre><code class="copyable">${config}</code></pre>`,
  )
}

/** Puts `html` after the first `</p>`, or first when there is none. */
export function insertAfterFirstParagraph(body: string, html: string): string {
  const end = body.indexOf('</p>')
  if (end === -1) return `${html}\n${body}`
  return `${body.slice(0, end + 4)}\n${html}${body.slice(end + 4)}`
}

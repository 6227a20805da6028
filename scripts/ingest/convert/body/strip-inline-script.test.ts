import { parse, serialize, type DefaultTreeAdapterTypes } from 'parse5'
import { describe, expect, test } from 'vitest'
import {
  mayHoldTrigger,
  stripByParsing,
  stripInlineScript,
} from './strip-inline-script.ts'
import { triggerAttributeSpans } from './trigger-attribute-spans.ts'
import { triggersIn } from './triggers-in.ts'

describe('bodies lose inline script and style at ingest', () => {
  // Bodies read in the tokenizer's data state lose the attributes' text;
  // the rest is parsed and serialised (decision 028).
  test.each([
    ['<p style="color:red">a</p>', '<p>a</p>'],
    ['<img src="x.png" onerror="alert(1)" alt="">', '<img src="x.png" alt="">'],
    ['<a href="/x" onclick>ZAKER</a>', '<a href="/x">ZAKER</a>'],
    ['<img/onerror=alert(1) src=x>', '<img/ src=x>'],
    ['<P STYLE=x OnClick="y" id=z>', '<P id=z>'],
    ['a<script>alert(1)</script>b', 'ab'],
    ['a<style>p{color:red}</style>b', 'ab'],
    ['<svg><style>x</style></svg>', '<svg></svg>'],
    ['<body onload=alert(1)>text', '<body>text'],
    ['<img alt=">" onerror=x>', '<img alt=">">'],
    ['<img alt="a<b>c" onerror=x>', '<img alt="a<b>c">'],
    ["<p>it's <img src=x onerror=y></p>", "<p>it's <img src=x></p>"],
    ['<a title=x<y onclick=z>a</a>', '<a title=x<y>a</a>'],
    ['<img src="x"onerror=y>', '<img src="x">'],
    [
      '<p style="a"\r\nid=b>\r\n<span style=c>d</span>',
      '<p\r\nid=b>\r\n<span>d</span>',
    ],
    // A repeated attribute: the browser keeps the first; cutting it would promote the second.
    ['<p style=a style=b>x</p>', '<p>x</p>'],
    // After a value-less attribute, `=` would become its value.
    ['<p a style=b =c>x</p>', '<p a="" =c="">x</p>'],
    ['<textarea style=a>x</textarea>', '<textarea>x</textarea>'],
    // A template inside SVG is a plain element, without content of its own.
    [
      '<svg><template style=x>a</template></svg>',
      '<svg><template>a</template></svg>',
    ],
  ])('%s', (input, expected) => {
    expect(stripInlineScript(input)).toBe(expected)
  })

  test('cutting attributes leaves the tree the browser builds as the spec parser would clean it', () => {
    const random = lcg(28)
    let cut = 0
    for (let n = 0; n < 3000; n++) {
      const html = tagSoup(random, DATA_STATE_TAGS)
      if (!mayHoldTrigger(html) || !triggerAttributeSpans(html)) continue
      const out = stripInlineScript(html)
      expect(triggersIn(out), html).toEqual([])
      expect(cleanOnce(out), html).toBe(cleanOnce(html))
      expect(stripInlineScript(out), html).toBe(out)
      cut++
    }
    expect(cut).toBeGreaterThan(1000)
  })

  test('bodies with nothing to remove stay byte-exact', () => {
    const html = `<div class="content"><p align=center>x</p><img data-original='a.jpg' src=b.jpg></div>`
    expect(stripInlineScript(html)).toBe(html)
    // Prose that merely contains "on…" or "style" is not parsed at all.
    const prose = `<P>One of the online tools, in style. It's <B>one</B> “only once”</P>`
    expect(mayHoldTrigger(prose)).toBe(false)
    expect(stripInlineScript(prose)).toBe(prose)
  })

  test('parser differentials are cleaned as the browser parses them', () => {
    const html = `<svg></p><title><a id="</title><img src=x onerror=alert()>">`
    expect(triggersIn(html)).toEqual(['onerror'])
    expect(triggersIn(stripInlineScript(html))).toEqual([])
  })
})

describe('one round is enough only where another could not change it', () => {
  test.each([
    ['<p style="a"></p><pre>\n\nx</pre>', '<p></p><pre>x</pre>'],
    [
      '<p style="a"></p><textarea>\n\nx</textarea>',
      '<p></p><textarea>x</textarea>',
    ],
    [
      '<form><math><mtext></form><form><mglyph><style><img src=x onerror=alert(1)>',
      '<form><math><mtext><mglyph></mglyph></mtext></math></form>',
    ],
  ])('%s settles as a fixed point', (input, expected) => {
    expect(stripByParsing(input)).toBe(expected)
  })

  test('2,000 random tag soups with triggers all come out of the parse as fixed points', () => {
    const random = lcg(14)
    let checked = 0
    for (let n = 0; n < 2000; n++) {
      const html = tagSoup(random)
      if (!mayHoldTrigger(html)) continue
      const out = stripByParsing(html)
      expect(cleanOnce(out), html).toBe(out)
      expect(triggersIn(out), html).toEqual([])
      expect(triggersIn(stripInlineScript(html)), html).toEqual([])
      checked++
    }
    expect(checked).toBeGreaterThan(500)
  })
})

// --- internal ---

/** One parse, clean and serialise, as the browser would parse `html`. */
function cleanOnce(html: string): string {
  const root = parse(`<remove></remove>${html}`).childNodes.find(
    (n) => 'tagName' in n,
  ) as DefaultTreeAdapterTypes.Element
  const body = root.childNodes.filter((n) => 'tagName' in n).at(-1)!
  body.childNodes = body.childNodes.slice(1)
  const clean = (parent: DefaultTreeAdapterTypes.ParentNode) => {
    parent.childNodes = parent.childNodes.filter(
      (n) => !('tagName' in n && /^(script|style)$/.test(n.tagName)),
    )
    for (const node of parent.childNodes) {
      if (!('tagName' in node)) continue
      node.attrs = node.attrs.filter((a) => !/^(on|style$)/i.test(a.name))
      clean(node)
      const { content } = node as Partial<DefaultTreeAdapterTypes.Template>
      if (content) clean(content)
    }
  }
  clean(body)
  return serialize(body)
}

function lcg(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x80000000
  }
}

const TAGS =
  'p span div a b em table tbody tr td caption col ul li pre code textarea listing select option button form input img br h1 h6 blockquote math mtext mi mglyph annotation-xml svg foreignObject desc title path style script noscript template iframe xmp noembed object font nobr frameset body head ruby rt sup label details plaintext distroname o:p'.split(
    ' ',
  )
const ATTRIBUTES = [
  ' style="color:red"',
  ' onclick="x()"',
  ' title="a<b>c"',
  " alt='>'",
  ' href="/x?a=1&b=2"',
  ' id="</title><b>"',
  ' style',
  ' onerror=y',
  ' data-x="on"',
  ' encoding="text/html"',
  ' color=red',
  ' xlink:href="x"',
  ' type="hidden"',
  ' =x',
  ' checked',
]
const TEXTS = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '文字',
  '&amp;',
  '&lt;',
  '<',
  '>',
  '&nbsp;',
  '"',
  "'",
  '-->',
  '<!--c-->',
  '<!---->',
  '<!-->',
  '<![CDATA[x]]>',
  '<?pi?>',
  '</',
  '\r\n',
]

/** Tags that keep the tokenizer in the data state (no raw text, no foreign content). */
const DATA_STATE_TAGS = TAGS.filter(
  (tag) =>
    !/^(script|style|title|textarea|xmp|iframe|noembed|noframes|noscript|plaintext|svg|math|template)$/.test(
      tag,
    ),
)

/** Random start tags, end tags and text: what parser differentials are made of. */
function tagSoup(random: () => number, tags: readonly string[] = TAGS): string {
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(random() * items.length)]
  let html = ''
  for (let i = 2 + Math.floor(random() * 14); i > 0; i--) {
    const r = random()
    if (r < 0.45) {
      const attributes =
        random() < 0.5
          ? pick(ATTRIBUTES) +
            (random() < 0.3 ? pick(ATTRIBUTES) : '') +
            (random() < 0.3 ? pick(ATTRIBUTES) : '')
          : ''
      html += `<${pick(tags)}${attributes}>`
    } else if (r < 0.7) html += `</${pick(tags)}>`
    else html += pick(TEXTS)
  }
  return html
}

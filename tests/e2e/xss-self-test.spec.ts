/**
 * The XSS detectors can fail: known-executing markup inserted with
 * innerHTML (no sanitiser, no CSP) on the XSS build's origin must trip
 * every detector of support/xss-detectors.ts, including script that runs
 * after the page has settled.
 */
import { CANARY_HOST, SELF_TEST_PAYLOADS } from '../../scripts/e2e/xss-payloads'
import { e2eOrigins } from '../../scripts/e2e/ports'
import { expect, test } from './support/fixtures'
import { FAILING } from './support/xss-checks'
import {
  fireSyntheticEvents,
  installXssDetectors,
  scanResidue,
  type Finding,
} from './support/xss-detectors'

const origin = e2eOrigins.xss
test.use({ baseURL: origin })

test('detector self-test: unsanitised markup trips every detector', async ({
  page,
  context,
  cspViolations,
}) => {
  const log = await installXssDetectors(context, page, origin, 'own')
  const bare = (csp?: string) =>
    `<!doctype html><html><head>${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}<title>self-test</title></head><body><div class="article-body"></div></body></html>`
  await page.route(`${origin}/__xss-self-test`, (route) =>
    route.fulfill({ contentType: 'text/html', body: bare() }),
  )
  await page.route(`${origin}/__xss-self-test-csp`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: bare("default-src 'self'; style-src 'self'"),
    }),
  )

  // Without sanitiser and CSP, straight into innerHTML.
  log.subject = 'self-test'
  await page.goto('/__xss-self-test')
  const { navigation, popup, ...rest } = SELF_TEST_PAYLOADS
  await page.evaluate((html) => {
    document.querySelector('.article-body')!.innerHTML = html
  }, Object.values(rest).join('\n'))
  await fireSyntheticEvents(page, '.article-body')
  const residue = (await scanResidue(page, '.article-body')) ?? []
  const details = (kind: Finding['kind']) => log.of(kind).map((f) => f.detail)
  const caught = (kind: Finding['kind'], text: string) =>
    expect
      .poll(() => details(kind).join(), { message: `${kind} ${text}` })
      .toContain(text)
  await caught('canary-request', `${CANARY_HOST}/self-request`)
  await caught('alert', 'self-alert')
  await caught('canary', 'self-canary')
  await caught('canary', 'self-mouseover')
  await caught('pageerror', 'self-pageerror')
  await caught(
    'offsite-request',
    'script https://offsite.invalid/self-script.js',
  )
  await caught('websocket', 'offsite.invalid/self-websocket')
  // Script that runs well after the page settled is still caught.
  await caught('canary', 'self-delayed')

  // A popup, opened by a handler on a real click.
  await page.goto('/__xss-self-test')
  await page.evaluate((html) => {
    document.querySelector('.article-body')!.innerHTML = html
  }, popup)
  await page.locator('#self-popup').click()
  await expect
    .poll(() => details('popup').join())
    .toContain('offsite.invalid/self-popup')
  // The srcdoc frame's alert: our hook if it ran there, else a dialog.
  await expect
    .poll(() => [...details('alert'), ...details('dialog')].join())
    .toContain('self-frame')
  expect(residue.join()).toContain('handler onerror')
  expect(residue.join()).toContain('attribute srcdoc')

  // A dialog from a frame the hooks never reached.
  await page.evaluate(() => {
    const frame = document.createElement('iframe')
    document.body.append(frame)
    const native = Object.getOwnPropertyDescriptor(
      Object.getPrototypeOf(frame.contentWindow),
      'alert',
    )?.value as ((m: string) => void) | undefined
    ;(native ?? frame.contentWindow!.alert).call(
      frame.contentWindow,
      'self-dialog',
    )
  })
  await expect
    .poll(() => details('dialog').join() + details('alert').join())
    .toContain('self-dialog')

  // A CSP report: an inline style under a policy without 'unsafe-inline'.
  await page.goto('/__xss-self-test-csp')
  await page.evaluate(() => {
    document.querySelector('.article-body')!.innerHTML =
      '<p style="color: red">styled</p>'
  })
  await expect.poll(() => log.of('csp').length).toBeGreaterThan(0)
  await expect.poll(() => cspViolations.seen.length).toBeGreaterThan(0)
  const provoked = cspViolations.take()
  expect(provoked.map((v) => v.detail).join()).toContain('style-src')

  // Navigation away from the app.
  await page.goto('/__xss-self-test')
  await page.evaluate((html) => {
    document.querySelector('.article-body')!.innerHTML = html
  }, navigation)
  await expect
    .poll(() => details('navigation').join())
    .toContain(`${CANARY_HOST}/self-navigation`)

  // A real dialog, which no hook can answer: beforeunload (after a user
  // gesture). page.on('dialog') catches it as it catches frame dialogs.
  await page.goto('/__xss-self-test')
  await page.mouse.click(5, 5)
  await page.evaluate(() => {
    window.addEventListener('beforeunload', (event) => event.preventDefault())
  })
  await page.close({ runBeforeUnload: true })
  await expect.poll(() => details('dialog').join()).toContain('beforeunload')

  const counts = Object.fromEntries(
    FAILING.map((kind) => [kind, log.of(kind).length]),
  )
  console.log(
    `xss self-test: detections ${JSON.stringify(counts)}, residue ${residue.length}, CSP watcher ${provoked.length}`,
  )
})

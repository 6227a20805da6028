import { afterEach, expect, test, vi } from 'vitest'
import { TRUSTED_TYPES_POLICY_NAME } from './csp'

type Rules = {
  createHTML: (input: string) => string
  createScriptURL: (input: string) => string
}

/**
 * jsdom has no Trusted Types, so a recording factory stands in for
 * Chromium's; the browser journey proves the real enforcement.
 */
function installTrustedTypes() {
  const policies: { name: string; rules: Rules }[] = []
  vi.stubGlobal('trustedTypes', {
    createPolicy: (name: string, rules: Rules) => {
      policies.push({ name, rules })
      return rules
    },
  })
  return policies
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
})

test('the sanitiser creates exactly one policy, the one the CSP allows', async () => {
  const policies = installTrustedTypes()
  vi.resetModules()
  const { sanitizeArticleHtmlToString } = await import('./sanitize')

  expect(sanitizeArticleHtmlToString('<p onclick=x()>hi</p>')).toBe('<p>hi</p>')
  expect(sanitizeArticleHtmlToString('<b>again</b>')).toBe('<b>again</b>')
  expect(policies.map(({ name }) => name)).toEqual([TRUSTED_TYPES_POLICY_NAME])
  const createHTML = vi.spyOn(policies[0]!.rules, 'createHTML')
  sanitizeArticleHtmlToString('<i>x</i>')
  expect(createHTML).toHaveBeenCalled()
})

test('the policy blesses nothing outside a sanitiser run, and no script URL', async () => {
  const policies = installTrustedTypes()
  vi.resetModules()
  const { sanitizeArticleHtml } = await import('./sanitize')
  sanitizeArticleHtml('<p>x</p>')
  const rules = policies[0]!.rules

  expect(() => rules.createHTML('<img src=x onerror=alert(1)>')).toThrow(
    TypeError,
  )
  expect(() => rules.createScriptURL('https://evil.example/x.js')).toThrow(
    TypeError,
  )
})

test('the policy can be bound to any window (the ingest may pass jsdom)', async () => {
  const { createArticleSanitizer } = await import('./sanitize')
  const sanitizer = createArticleSanitizer(window)
  expect(sanitizer.toString('<a href="javascript:x()" onclick=y()>z</a>')).toBe(
    '<a>z</a>',
  )
  expect(sanitizer.toFragment('<p>a</p>').childNodes).toHaveLength(1)
})

import { expect, test } from 'vitest'
import {
  buildContentSecurityPolicy,
  SERVICE_WORKER_POLICY_NAME,
  serviceWorkerContentSecurityPolicy,
  TRUSTED_TYPES_POLICY_NAME,
} from './csp'
import { EMBED_ORIGINS } from './embed-allowlist'

test('the policy allows only our scripts, no plugins, no base, one TT policy', () => {
  const csp = buildContentSecurityPolicy()
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self';")
  expect(csp).toContain("object-src 'none'")
  expect(csp).toContain("base-uri 'none'")
  expect(csp).toContain("form-action 'none'")
  expect(csp).toContain("require-trusted-types-for 'script'")
  expect(csp).toContain(
    `trusted-types ${TRUSTED_TYPES_POLICY_NAME} ${SERVICE_WORKER_POLICY_NAME}`,
  )
  expect(csp).toContain("worker-src 'self'")
  expect(csp).toContain("manifest-src 'self'")
  expect(csp).toContain(`frame-src ${EMBED_ORIGINS.join(' ')};`)
  expect(csp).not.toMatch(/unsafe-(?:inline|eval)|strict-dynamic/)
})

test('frame-ancestors only in the header, where browsers honour it', () => {
  expect(buildContentSecurityPolicy('meta')).not.toContain('frame-ancestors')
  expect(buildContentSecurityPolicy('header')).toContain(
    "frame-ancestors 'none'",
  )
})

test('the service worker’s own policy runs only our script and fetches no page resources but images', () => {
  const csp = serviceWorkerContentSecurityPolicy()
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toMatch(/unsafe-|frame-src|style-src/)
})

import { expect, test, vi } from 'vitest'
import { SERVICE_WORKER_POLICY_NAME, SERVICE_WORKER_URL } from './csp'
import { trustedServiceWorkerUrl } from './service-worker-url'

test('blesses exactly the service worker URL through its own policy, once', () => {
  const rules: Array<{ createScriptURL: (input: string) => string }> = []
  const createPolicy = vi.fn(
    (_name: string, policy: (typeof rules)[number]) => {
      rules.push(policy)
      return {
        createScriptURL: (input: string) => policy.createScriptURL(input),
      }
    },
  )
  const factory = { createPolicy }
  expect(trustedServiceWorkerUrl(factory)).toBe(SERVICE_WORKER_URL)
  expect(trustedServiceWorkerUrl(factory)).toBe(SERVICE_WORKER_URL)
  expect(createPolicy).toHaveBeenCalledTimes(1)
  expect(createPolicy.mock.calls[0][0]).toBe(SERVICE_WORKER_POLICY_NAME)
  for (const other of ['/sw.js?x', 'https://evil.example/sw.js', '/other.js']) {
    expect(() => rules[0].createScriptURL(other)).toThrow(TypeError)
  }
})

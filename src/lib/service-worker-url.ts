import { SERVICE_WORKER_POLICY_NAME, SERVICE_WORKER_URL } from './csp.ts'

/** The part of `window.trustedTypes` this module uses. */
export type ScriptUrlPolicyFactory = {
  createPolicy(
    name: string,
    rules: { createScriptURL: (input: string) => string },
  ): { createScriptURL(input: string): unknown }
}

/**
 * The service worker's script URL as `navigator.serviceWorker.register`
 * accepts it under `require-trusted-types-for 'script'`: a TrustedScriptURL
 * from the `zixun-service-worker` policy, whose `createScriptURL` blesses
 * `SERVICE_WORKER_URL` and throws for anything else (decision 004). Where
 * the browser has no Trusted Types, the plain string. The policy is
 * created once per page (the CSP allows each name once).
 */
export function trustedServiceWorkerUrl(
  factory: ScriptUrlPolicyFactory | undefined = (
    globalThis as { trustedTypes?: ScriptUrlPolicyFactory }
  ).trustedTypes,
): string {
  if (!factory) return SERVICE_WORKER_URL
  policy ??= factory.createPolicy(SERVICE_WORKER_POLICY_NAME, {
    createScriptURL: (input) => {
      if (input !== SERVICE_WORKER_URL) {
        throw new TypeError(`Only ${SERVICE_WORKER_URL} may be a script URL`)
      }
      return input
    },
  })
  // A TrustedScriptURL; typed as the string the DOM typings expect.
  return policy.createScriptURL(SERVICE_WORKER_URL) as string
}

let policy: ReturnType<ScriptUrlPolicyFactory['createPolicy']> | undefined

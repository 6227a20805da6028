import path from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { BOOT_MAX_BYTES, buildBootScript } from './boot-script-plugin.ts'

const root = path.resolve(import.meta.dirname, '../..')

/** Runs the built script against a fake `<html>` and storage. */
function boot(code: string, stored: Record<string, string> | 'throws') {
  const attributes = new Map<string, string>()
  const documentElement = {
    setAttribute: (name: string, value: string) => attributes.set(name, value),
    removeAttribute: (name: string) => attributes.delete(name),
  }
  const window = {
    get localStorage() {
      if (stored === 'throws') throw new Error('SecurityError')
      return { getItem: (key: string) => stored[key] ?? null }
    },
  }
  runInNewContext(code, { window, document: { documentElement } })
  return Object.fromEntries(attributes)
}

describe('the boot script', () => {
  test('is a small content-hashed file', async () => {
    const { code, fileName } = await buildBootScript(root)
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(BOOT_MAX_BYTES)
    expect(fileName).toMatch(/^assets\/boot-[0-9a-f]{10}\.js$/)
    expect(code).not.toMatch(/\bimport\b|\bexport\b/)
  })

  test('shows the stored theme and type on <html>', async () => {
    const { code } = await buildBootScript(root)
    expect(
      boot(code, { 'zixun:theme': 'dark', 'zixun:text-size': 'larger' }),
    ).toEqual({
      'data-theme': 'dark',
      'data-text-size': 'larger',
      'data-js': '',
    })
  })

  test('leaves the defaults when storage is empty, damaged or refused', async () => {
    const { code } = await buildBootScript(root)
    // `data-js` only: the app will run (the article footer waits for it).
    const defaults = { 'data-js': '' }
    expect(boot(code, {})).toEqual(defaults)
    expect(boot(code, { 'zixun:theme': 'purple' })).toEqual(defaults)
    expect(boot(code, 'throws')).toEqual(defaults)
  })
})

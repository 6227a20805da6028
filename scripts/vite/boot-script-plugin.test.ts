import path from 'node:path'
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'
import { BOOT_MAX_BYTES, buildBootScript } from './boot-script-plugin.ts'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * Runs the built script against a fake `<html>`, storage and browser
 * languages; the attributes it leaves, `lang` among them.
 */
function boot(
  code: string,
  stored: Record<string, string> | 'throws',
  languages: readonly string[] = ['zh-CN'],
) {
  const attributes = new Map<string, string>()
  const documentElement = {
    setAttribute: (name: string, value: string) => attributes.set(name, value),
    removeAttribute: (name: string) => attributes.delete(name),
    set lang(value: string) {
      attributes.set('lang', value)
    },
  }
  const window = {
    get localStorage() {
      if (stored === 'throws') throw new Error('SecurityError')
      return { getItem: (key: string) => stored[key] ?? null }
    },
  }
  runInNewContext(code, {
    window,
    navigator: { languages },
    document: { documentElement },
  })
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
      lang: 'zh-CN',
    })
  })

  test('leaves the defaults when storage is empty, damaged or refused', async () => {
    const { code } = await buildBootScript(root)
    // `data-js` only: the app will run (the article footer waits for it).
    const defaults = { 'data-js': '', lang: 'zh-CN' }
    expect(boot(code, {})).toEqual(defaults)
    expect(boot(code, { 'zixun:theme': 'purple' })).toEqual(defaults)
    expect(boot(code, 'throws')).toEqual(defaults)
  })

  test('sets the language the interface will speak before the page is parsed', async () => {
    const { code } = await buildBootScript(root)
    // The browser's first Chinese or English language, as the app picks it.
    expect(boot(code, {}, ['fr-FR', 'en-GB']).lang).toBe('en')
    expect(boot(code, {}, ['zh-TW', 'en']).lang).toBe('zh-CN')
    expect(boot(code, {}, ['de']).lang).toBe('en')
    // The reader's stored choice wins; a damaged one does not count.
    expect(boot(code, { 'zixun:language': 'en' }, ['zh-CN']).lang).toBe('en')
    expect(boot(code, { 'zixun:language': 'xx' }, ['zh-CN']).lang).toBe('zh-CN')
    expect(boot(code, 'throws', ['en-US']).lang).toBe('en')
  })
})

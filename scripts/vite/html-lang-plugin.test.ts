import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { DEFAULT_LANGUAGE } from '../../src/config/languages.ts'
import { setHtmlLang } from './html-lang-plugin.ts'

test('the page says the language it is written in', () => {
  expect(setHtmlLang('<!doctype html>\n<html>\n<head>', 'zh-CN')).toBe(
    '<!doctype html>\n<html lang="zh-CN">\n<head>',
  )
  expect(setHtmlLang('<HTML lang="en" dir="ltr"><body>', 'zh-CN')).toBe(
    '<html lang="zh-CN"><body>',
  )
  expect(() => setHtmlLang('<body></body>', 'zh-CN')).toThrow(/<html>/)
})

test('index.html gets its language from DEFAULT_LANGUAGE alone', () => {
  const html = readFileSync(
    path.resolve(import.meta.dirname, '../../index.html'),
    'utf8',
  )
  expect(html).toMatch(/<html>/)
  expect(setHtmlLang(html, DEFAULT_LANGUAGE)).toContain(
    `<html lang="${DEFAULT_LANGUAGE}">`,
  )
})

import type { Plugin } from 'vite'
import { DEFAULT_LANGUAGE } from '../../src/config/languages.ts'

/**
 * `html` with its `<html>` tag saying `lang`. Throws when there is no
 * `<html>` tag to say it on.
 */
export function setHtmlLang(html: string, lang: string): string {
  const tag = /<html\b[^>]*>/i
  if (!tag.test(html)) throw new Error('index.html has no <html> tag')
  return html.replace(tag, `<html lang="${lang}">`)
}

/**
 * Writes `<html lang>` of `index.html` from `DEFAULT_LANGUAGE`, the
 * language the app hydrates in: the shell and every prerendered page
 * (made from it) say the language they are written in, from the one
 * constant the app and the prerenderer use.
 */
export function htmlLangPlugin(): Plugin {
  return {
    name: 'zixun-html-lang',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => setHtmlLang(html, DEFAULT_LANGUAGE),
    },
  }
}

/**
 * The interface languages and how the reader's is chosen: small enough
 * for the boot script, which sets `<html lang>` before the page is parsed.
 */

/** The interface languages, as `<html lang>` names them. */
export type Language = 'zh-CN' | 'en'

/** The languages in the order the language switch offers them. */
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en']

/** Whether `value` names an interface language (e.g. a stored choice). */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value)
}

/**
 * The site's own language: `index.html` and every prerendered page are
 * written in it, and the app hydrates them in it before it switches to
 * the reader's.
 */
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

/**
 * The reader's language from the browser's list (`navigator.languages`):
 * the first Chinese or English entry decides; English when neither is
 * there.
 */
export function pickLanguage(languages: readonly string[]): Language {
  const first = languages.find((lang) => /^(zh|en)\b/i.test(lang)) ?? 'en'
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** Where the reader's choice of language is kept (`localStorage`). */
export const LANGUAGE_KEY = 'zixun:language'

/**
 * The reader's stored choice of language, or null: none stored, not a
 * language (stored data is never trusted), or storage that throws on
 * read (disabled, sandboxed).
 */
export function readStoredLanguage(
  storage: Pick<Storage, 'getItem'> | null,
): Language | null {
  let value: unknown = null
  try {
    value = storage?.getItem(LANGUAGE_KEY)
  } catch {
    // Unreadable: no choice.
  }
  return isLanguage(value) ? value : null
}

/**
 * The language the interface will speak: the reader's choice if stored,
 * else the browser's (`pickLanguage`).
 */
export function readerLanguage(
  chosen: Language | null,
  browserLanguages: readonly string[],
): Language {
  return chosen ?? pickLanguage(browserLanguages)
}

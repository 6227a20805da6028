export const CJK_CHARS_PER_MINUTE = 400
export const LATIN_WORDS_PER_MINUTE = 200

const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

/**
 * Minutes to read plain text: Chinese, Japanese and Korean characters at
 * about 400 a minute, words in other scripts at about 200. At least 1.
 */
export function readingMinutes(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0
  const minutes = cjk / CJK_CHARS_PER_MINUTE + words / LATIN_WORDS_PER_MINUTE
  return Math.max(1, Math.round(minutes))
}

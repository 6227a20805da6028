export const CJK_CHARS_PER_MINUTE = 400
export const LATIN_WORDS_PER_MINUTE = 200

/**
 * Minutes to read plain text: Chinese, Japanese and Korean characters at
 * about 400 a minute, words in other scripts (runs of letters and digits,
 * `don't` and `3.14` being one word) at about 200. At least 1.
 */
export function readingMinutes(text: string): number {
  const { cjk, words } = countText(text)
  const minutes = cjk / CJK_CHARS_PER_MINUTE + words / LATIN_WORDS_PER_MINUTE
  return Math.max(1, Math.round(minutes))
}

/** CJK characters and other words, in one pass over the text. */
export function countText(text: string): { cjk: number; words: number } {
  let cjk = 0
  let words = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isCjk(code) || (code >= 0xd840 && code <= 0xd87f)) {
      cjk++
      if (code >= 0xd800) i++
      inWord = false
    } else if (isWordChar(code)) {
      if (!inWord) words++
      inWord = true
    } else if (!(
      inWord &&
      isJoiner(code) &&
      isWordChar(text.charCodeAt(i + 1))
    )) {
      inWord = false
    }
  }
  return { cjk, words }
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK Unified Ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // Extension A
    (code >= 0x3040 && code <= 0x30ff) || // Hiragana, Katakana
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) // Compatibility ideographs
  )
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x370 && code <= 0x52f) // Greek, Cyrillic
  )
}

// ' ’ . - inside a word: don't, 3.14, well-known
function isJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2d
}

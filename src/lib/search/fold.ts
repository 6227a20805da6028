/**
 * How search sees one character. Shared by the ingest (which builds the
 * index) and the reader (which parses queries and marks matches), so the
 * two can never disagree. Pure: no DOM, no Node.
 *
 * - Full-width and other compatibility forms fold to their plain form
 *   (NFKC: `Ａ` → `a`, `１` → `1`, `ｶ` → `カ`, `ﬁ` → `fi`).
 * - Latin, Greek and Cyrillic letters are case- and diacritic-folded
 *   (`É` → `e`, `ß` → `ss`, `Ø` → `o`).
 * - Han, Kana, Hangul and Bopomofo are CJK: they are indexed character by
 *   character (see tokenize.ts). Traditional and Simplified Chinese are
 *   different characters and stay different (`資訊` does not find `资讯`).
 * - Other letters, digits and marks are word characters; everything else
 *   (spaces, punctuation, symbols, emoji) separates words.
 */

/** What a folded character is to the tokenizer. */
export const SEPARATOR_CHAR = 0
export const WORD_CHAR = 1
export const CJK_CHAR = 2
export type CharClass =
  typeof SEPARATOR_CHAR | typeof WORD_CHAR | typeof CJK_CHAR

/** Letters that NFD does not take apart but readers expect folded. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
}

const MARKS = /\p{M}/gu
const WORD = /^[\p{L}\p{N}\p{M}]$/u

/** Whether the code point is CJK (indexed per character). */
export function isCjk(cp: number): boolean {
  if (cp < 0x1100) return false
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
    (cp >= 0x3040 && cp <= 0x309f) || // Hiragana
    (cp >= 0x30a0 && cp <= 0x30ff && cp !== 0x30fb) || // Katakana, not ・
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul syllables
    (cp >= 0x1100 && cp <= 0x11ff) || // Hangul jamo
    (cp >= 0x3130 && cp <= 0x318f) || // Hangul compatibility jamo
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xd7b0 && cp <= 0xd7ff) ||
    (cp >= 0x31f0 && cp <= 0x31ff) || // Katakana phonetic extensions
    (cp >= 0x3100 && cp <= 0x312f) || // Bopomofo
    (cp >= 0x31a0 && cp <= 0x31bf) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals
    (cp >= 0x3005 && cp <= 0x3007) || // 々 〆 〇
    (cp >= 0x3021 && cp <= 0x3029) || // Hangzhou numerals
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0x20000 && cp <= 0x3134f) // Extensions B–G
  )
}

/** Latin, Greek and Cyrillic: the scripts whose diacritics are folded away. */
function foldsDiacritics(cp: number): boolean {
  return (
    cp < 0x0250 ||
    (cp >= 0x0370 && cp <= 0x052f) ||
    (cp >= 0x1e00 && cp <= 0x1fff)
  )
}

/** A folded character: its text, and how the tokenizer treats it. */
export type Folded = { text: string; kind: CharClass }

const SEPARATOR: Folded = { text: ' ', kind: SEPARATOR_CHAR }
const cache = new Map<number, Folded>()

/**
 * The folded form of one code point: `text` is what the index and the
 * query compare (one or more characters, or `' '` for a separator).
 */
export function foldCodePoint(cp: number): Folded {
  const found = cache.get(cp)
  if (found) return found
  const folded = computeFold(cp)
  cache.set(cp, folded)
  return folded
}

function computeFold(cp: number): Folded {
  // Combining accents on their own (a decomposed é): part of the letter
  // before them, folded away like the precomposed form.
  if (cp >= 0x0300 && cp <= 0x036f) return { text: '', kind: WORD_CHAR }
  let text = String.fromCodePoint(cp).normalize('NFKC').toLowerCase()
  if (foldsDiacritics(cp) || foldsDiacritics(text.codePointAt(0) ?? 0)) {
    text = text.normalize('NFD').replace(MARKS, '').normalize('NFC')
    text = [...text].map((ch) => EXTRA_FOLDS[ch] ?? ch).join('')
  }
  const chars = [...text]
  if (chars.length === 0) return SEPARATOR
  const first = chars[0].codePointAt(0) ?? 0
  if (chars.length === 1 && isCjk(first)) return { text, kind: CJK_CHAR }
  // A compatibility form may expand to several characters (`㎏` → `kg`,
  // `①` → `1`); it is a word part only when all of them are.
  if (chars.every((ch) => WORD.test(ch) && !isCjk(ch.codePointAt(0) ?? 0))) {
    return { text, kind: WORD_CHAR }
  }
  return SEPARATOR
}

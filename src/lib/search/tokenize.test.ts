import { describe, expect, test } from 'vitest'
import { CJK_CHAR, foldCodePoint, isCjk } from './fold'
import {
  countIndexTerms,
  forEachIndexTerm,
  keyTerm,
  MAX_WORD_LENGTH,
  units,
  type IntCounts,
} from './tokenize'

/** Units as short strings: a CJK character that continues a run gets `+`. */
function read(text: string): string[] {
  return units(text).map((u) => u.term + (u.joined ? '+' : ''))
}

function indexTerms(text: string): string[] {
  const terms: string[] = []
  forEachIndexTerm(text, (term) => terms.push(term))
  return terms
}

describe('units', () => {
  test.each([
    ['English words, case folded', 'Hello, World!', ['hello', 'world']],
    ['Chinese, one run', '人工智能', ['人', '工+', '智+', '能+']],
    [
      'Chinese runs broken by punctuation',
      '人工，智能。',
      ['人', '工+', '智', '能+'],
    ],
    [
      'mixed Latin and Chinese',
      'iPhone15手机发布',
      ['iphone15', '手', '机+', '发+', '布+'],
    ],
    [
      'Japanese kana and kanji in one run',
      '東京タワー',
      ['東', '京+', 'タ+', 'ワ+', 'ー+'],
    ],
    ['Korean syllables', '한국어 공부', ['한', '국+', '어+', '공', '부+']],
    ['full-width Latin and digits', 'ＡＢＣ１２３', ['abc123']],
    ['half-width katakana', 'ｶﾀｶﾅ', ['カ', 'タ+', 'カ+', 'ナ+']],
    [
      'diacritics',
      'Café Ñandú Straße Ærø',
      ['cafe', 'nandu', 'strasse', 'aero'],
    ],
    ['a decomposed accent', 'cafe\u0301', ['cafe']],
    ['ligatures and compatibility forms', 'ﬁsh 5㎏', ['fish', '5kg']],
    ['emoji separate words and are not indexed', 'go🚀go 😀 👍🏽', ['go', 'go']],
    ['only punctuation', '...!?¿——', []],
    ['regex metacharacters', '.*+?^${}()|[]\\', []],
    ['Greek and Cyrillic fold case', 'ΑΘΗΝΑ Москва', ['αθηνα', 'москва']],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  test('Traditional and Simplified Chinese stay different characters', () => {
    expect(read('資訊')).not.toEqual(read('资讯'))
  })

  test('offsets point into the source text', () => {
    const found = units('Ａb 中文')
    expect(found.map((u) => [u.term, u.start, u.end])).toEqual([
      ['ab', 0, 2],
      ['中', 3, 4],
      ['文', 4, 5],
    ])
  })

  test('an astral ideograph is one unit of two code units', () => {
    expect(
      units('𠀀字').map((u) => [u.term, u.start, u.end, u.joined]),
    ).toEqual([
      ['𠀀', 0, 2, false],
      ['字', 2, 3, true],
    ])
  })

  test(`words longer than ${MAX_WORD_LENGTH} characters are cut`, () => {
    expect(read('x'.repeat(100))).toEqual(['x'.repeat(MAX_WORD_LENGTH)])
  })

  test('the fast path for common CJK agrees with the folding table', () => {
    const ranges = [
      [0x3000, 0x30ff],
      [0x3400, 0x3500],
      [0x4e00, 0x9fff],
    ]
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp)
        const folded = foldCodePoint(cp)
        const expected = folded.kind === CJK_CHAR ? [folded.text] : null
        const found = units(ch).map((u) => u.term)
        if (expected) expect(found, `U+${cp.toString(16)}`).toEqual(expected)
        else expect(found.some((t) => isCjk(t.codePointAt(0) ?? 0))).toBe(false)
      }
    }
  })
})

describe('index terms', () => {
  test('a CJK run gives its characters and overlapping bigrams', () => {
    expect(indexTerms('人工智能 AI')).toEqual([
      '人',
      '工',
      '人工',
      '智',
      '工智',
      '能',
      '智能',
      'ai',
    ])
  })

  test('bigrams never cross a break in the run', () => {
    expect(indexTerms('人工 智能')).not.toContain('工智')
  })

  test('the length is words plus CJK characters', () => {
    expect(forEachIndexTerm('Open source 开源软件', () => {})).toBe(6)
  })

  test('counting under integer keys gives the same terms and counts', () => {
    const text = '开源软件 Open source 开源！한국어 𠀀字 東京タワー open 开源'
    const expected = new Map<string, number>()
    forEachIndexTerm(text, (t) => expected.set(t, (expected.get(t) ?? 0) + 1))
    const ints = new Map<number, number>()
    const counter: IntCounts = {
      add: (key, weight) => ints.set(key, (ints.get(key) ?? 0) + weight),
    }
    const strings = new Map<string, number>()
    countIndexTerms(text, 1, counter, strings)
    const found = new Map(strings)
    for (const [key, n] of ints) found.set(keyTerm(key), n)
    expect(found).toEqual(expected)
  })
})

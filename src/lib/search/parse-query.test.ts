import { describe, expect, test } from 'vitest'
import { MAX_CLAUSES, MAX_QUERY_LENGTH, parseQuery } from './parse-query'

/** Clauses as short strings: `-` excluded, `"…"` phrase, `*` prefix. */
function read(query: string): string[] {
  return parseQuery(query).clauses.map((c) => {
    const terms = c.terms.join(' ')
    const body = c.phrase ? `"${terms}"` : terms
    return `${c.exclude ? '-' : ''}${body}${c.prefix ? '*' : ''}`
  })
}

describe('parseQuery', () => {
  test.each([
    ['one word, still being typed', 'search', ['search*']],
    ['a finished word (space after it)', 'search ', ['search']],
    [
      'words are ANDed; only the last is a prefix',
      'open source',
      ['open', 'source*'],
    ],
    ['a one-letter last word is no prefix', 'vitamin c', ['vitamin', 'c']],
    ['a quoted phrase', '"open source" code', ['"open source"', 'code*']],
    ['curly quotes work too', '“open source”', ['"open source"']],
    [
      'an unbalanced quote runs to the end, no prefix',
      '"open sour',
      ['"open sour"'],
    ],
    ['an excluded word', 'eggs -spam', ['eggs', '-spam']],
    ['an excluded phrase', 'eggs -"green ham"', ['eggs', '-"green ham"']],
    ['a lone minus is no exclusion', 'a - b', ['a', 'b']],
    ['words joined by punctuation are a phrase', 'node.js', ['"node js"*']],
    ['a CJK run is a phrase of its bigrams', '人工智能', ['"人工 工智 智能"']],
    ['two CJK characters are one bigram', '开源', ['开源']],
    ['one CJK character is itself', '猫', ['猫']],
    [
      'CJK punctuation separates clauses',
      '人工智能，机器学习',
      ['"人工 工智 智能"', '"机器 器学 学习"'],
    ],
    [
      'Latin and CJK written together are one phrase',
      'iPhone手机',
      ['"iphone 手机"'],
    ],
    ['full-width query text folds', 'ＡＰＩ　文档', ['api', '文档']],
    ['regex metacharacters are separators', 'a.*b (c|d)', ['a', 'b', 'c', 'd']],
  ])('%s: %s', (_name, query, expected) => {
    expect(read(query)).toEqual(expected)
  })

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['!!!', 'no-words'],
    ['😀🎉', 'no-words'],
    ['.*+?^${}()|[]\\', 'no-words'],
    ['-spam', 'only-excluded'],
  ])('%j has nothing to search for: %s', (query, problem) => {
    expect(parseQuery(query).problem).toBe(problem)
  })

  test('a 2,000-character query is cut and says so', () => {
    const query = 'word '.repeat(400)
    const parsed = parseQuery(query)
    expect(parsed.truncated).toBe(true)
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(parsed.clauses.length).toBeLessThanOrEqual(MAX_CLAUSES)
    expect(parsed.clauses.every((c) => !c.prefix)).toBe(true)
  })

  test('cutting never splits a surrogate pair', () => {
    const query = `${'a'.repeat(MAX_QUERY_LENGTH - 1)}😀`
    const { text } = parseQuery(query)
    expect(text).toBe('a'.repeat(MAX_QUERY_LENGTH - 1))
  })

  test('unit offsets point into the query text', () => {
    const [clause] = parseQuery('  "Open Source"').clauses
    expect(clause.units.map((u) => [u.start, u.end])).toEqual([
      [3, 7],
      [8, 14],
    ])
  })
})

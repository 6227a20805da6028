import { describe, expect, test } from 'vitest'
import { parseQuery } from './parse-query'
import { rankTexts } from './rank-texts'

const texts = [
  { title: 'Rust 2.0', text: 'The Rust team released a new edition.' },
  { title: '开源大模型', text: '智能体验的开源模型今天发布。' },
  { title: 'Weather', text: 'Rain in the north; rust on old cars.' },
  { title: 'Open source', text: '开源 means open source; 体验智能.' },
]

const found = (q: string, sort?: 'relevance' | 'newest') =>
  rankTexts(parseQuery(q), texts, sort).map((hit) => hit.index)

describe('rankTexts (saved articles, searched in their own text)', () => {
  test('a word in the title ranks above the same word in the body', () => {
    expect(found('rust ')).toEqual([0, 2])
  })

  test('newest keeps the given order', () => {
    expect(found('rust ', 'newest')).toEqual([0, 2])
    expect(found('开源', 'newest')).toEqual([1, 3])
  })

  test('a Chinese run matches as a phrase, not as its characters apart', () => {
    expect(found('智能体验')).toEqual([1])
    expect(found('体验智能')).toEqual([3])
  })

  test('quoted phrases, exclusions and the word being typed', () => {
    expect(found('"open source"')).toEqual([3])
    expect(found('rust -rain')).toEqual([0])
    expect(found('weat')).toEqual([2])
  })

  test('nothing to search, or nothing to search in, gives nothing', () => {
    expect(found('')).toEqual([])
    expect(found('zebra')).toEqual([])
    expect(rankTexts(parseQuery('rust'), [])).toEqual([])
  })
})

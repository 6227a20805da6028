import { describe, expect, test } from 'vitest'
import { PostError } from '../../shared/errors.ts'
import { parseFrontMatter, stripRunawayQuotes } from './parse-front-matter.ts'
import { normalizeText } from '../decode-text.ts'
import { splitFrontMatter } from './split-front-matter.ts'

const read = (text: string) => parseFrontMatter(splitFrontMatter(text))

describe('splitFrontMatter', () => {
  test.each([
    [
      'leading blank line (the Hexo aggregator)',
      '\n---\ntitle: a\n---\n\n<div>b</div>',
    ],
    ['UTF-8 BOM', '\uFEFF---\ntitle: a\n---\n<div>b</div>'],
    ['double-encoded BOM', 'ï»¿---\ntitle: a\n---\n<div>b</div>'],
    ['CRLF line ends', '---\r\ntitle: a\r\n---\r\n<div>b</div>'],
    ['no blank line after the fence', '---\ntitle: a\n---\n<div>b</div>'],
    ['fence with trailing spaces', '---  \ntitle: a\n---   \n<div>b</div>'],
  ])('%s', (_name, text) => {
    const split = splitFrontMatter(text)
    expect(split.format).toBe('yaml')
    expect(parseFrontMatter(split)).toEqual({ title: 'a' })
    expect(split.body.trim()).toBe('<div>b</div>')
  })

  test('TOML (+++) front matter', () => {
    const split = splitFrontMatter(
      '+++\ntitle = "Hugo"\ndate = 2021-05-09T00:04:29\ntags = ["a", "b"]\n+++\nbody',
    )
    expect(split.format).toBe('toml')
    expect(parseFrontMatter(split)).toEqual({
      title: 'Hugo',
      date: '2021-05-09T00:04:29.000',
      tags: ['a', 'b'],
    })
    expect(split.body).toBe('body')
  })

  test('JSON front matter, with braces inside strings', () => {
    const split = splitFrontMatter(
      '{\n  "title": "a } b",\n  "n": {"x": 1}\n}\nbody',
    )
    expect(split.format).toBe('json')
    expect(parseFrontMatter(split)).toEqual({ title: 'a } b', n: { x: 1 } })
    expect(split.body).toBe('body')
  })

  test('a post without front matter is all body', () => {
    expect(splitFrontMatter('# Hello\n\ntext')).toMatchObject({
      format: 'none',
      body: '# Hello\n\ntext',
    })
  })

  test.each([
    ['---\ntitle: a\n<div>never closed</div>', 1],
    ['\n\n+++\ntitle = "a"', 3],
    ['{ "title": "a"', 1],
  ])('an unclosed block is rejected with its line: %j', (text, line) => {
    expect(() => splitFrontMatter(text)).toThrow(PostError)
    try {
      splitFrontMatter(text)
    } catch (error) {
      expect((error as PostError).line).toBe(line)
    }
  })

  test('normalizeText strips BOMs and CR', () => {
    expect(normalizeText('\uFEFFa\r\nb\rc')).toBe('a\nb\nc')
  })
})

describe('YAML as people really write it', () => {
  test.each([
    [
      'block scalar title',
      'title: |\n  Hello\n  world\n',
      { title: 'Hello\nworld\n' },
    ],
    [
      'numbers stay names',
      'author: 100071\ntitle: 1.50',
      { author: '100071', title: '1.50' },
    ],
    [
      'dates stay strings',
      'date: 2021-05-09 00:04:29',
      { date: '2021-05-09 00:04:29' },
    ],
    ['duplicate keys: the last wins', 'title: a\ntitle: b', { title: 'b' }],
    [
      'tabs as indentation',
      'categories:\n\t- a\n\t- b',
      { categories: ['a', 'b'] },
    ],
    ['tab after the colon', 'title:\ta tab', { title: 'a tab' }],
    [
      'runaway quotes',
      `title: """""""""'Learning to Summarize with Human Feedback'"""""""""`,
      { title: 'Learning to Summarize with Human Feedback' },
    ],
    [
      'unbalanced inner quote',
      "title: 'It's here'\nauthor: x",
      { title: "It's here", author: 'x' },
    ],
    [
      'unterminated quote',
      'title: "oops\nauthor: x',
      { title: 'oops', author: 'x' },
    ],
    [
      'old aggregator shape: 4-space list, blank line, unquoted values',
      'categories: \n    - 新媒体\n    - cnBeta - 最新\n\ntitle: 被废止数月后 Linux\nthumbnail: https://a.b/c.png?x=1,2',
      {
        categories: ['新媒体', 'cnBeta - 最新'],
        title: '被废止数月后 Linux',
        thumbnail: 'https://a.b/c.png?x=1,2',
      },
    ],
    [
      'keys are lower-cased',
      'Title: A\nDATE: 2021-01-01',
      { title: 'A', date: '2021-01-01' },
    ],
    ['empty front matter', '', {}],
  ])('%s', (_name, yaml, expected) => {
    expect(read(`---\n${yaml}\n---\nbody`)).toEqual(expected)
  })

  test('YAML that cannot be repaired is rejected with the file line', () => {
    const text = '\n---\ntitle: a\ncategories: [a, b\nauthor: x\n---\nbody'
    expect(() => read(text)).toThrow(/YAML front matter/)
    try {
      read(text)
    } catch (error) {
      expect((error as PostError).line).toBeGreaterThanOrEqual(4)
    }
  })

  test('a list at the top level is not front matter', () => {
    expect(() => read('---\n- a\n- b\n---\nbody')).toThrow(
      /not a key\/value map/,
    )
  })

  test('stripRunawayQuotes', () => {
    expect(stripRunawayQuotes(`"""'A'"""`)).toBe('A')
    expect(stripRunawayQuotes(`'It's'`)).toBe("It's")
  })
})

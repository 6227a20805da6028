// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { findScriptResidue } from '../../src/testing/find-script-residue.ts'
import { sanitizeArticleHtml } from '../../src/lib/sanitize.ts'
import { requireSharedData } from '../../scripts/shared-data.ts'

/** The 40 real Hexo posts shared by the team (see their SOURCE.md). */
const POSTS_DIR = requireSharedData().posts

const posts = readdirSync(POSTS_DIR)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => ({
    name,
    body: bodyAfterFrontMatter(
      readFileSync(path.join(POSTS_DIR, name), 'utf8'),
    ),
  }))

describe('the real corpus still reads well after sanitising', () => {
  test('all 40 posts are here', () => {
    expect(posts).toHaveLength(40)
  })

  test.each(posts)('$name keeps its text and its images', ({ body }) => {
    const before = parseInert(body)
    const after = document.createElement('div')
    after.replaceChildren(sanitizeArticleHtml(body))

    expect(visibleText(after).length).toBeGreaterThanOrEqual(
      visibleText(before).length * 0.9,
    )
    expect(after.querySelectorAll('img')).toHaveLength(
      before.querySelectorAll('img').length,
    )
    expect(findScriptResidue(after)).toEqual([])
  })
})

/** The HTML body of a Hexo post: everything after the second `---` line. */
function bodyAfterFrontMatter(file: string): string {
  const lines = file.split('\n')
  const second = lines.findIndex((line, i) => i > 0 && line.trim() === '---')
  return lines.slice(second + 1).join('\n')
}

/** The raw body as a browser would see it, parsed inertly (jsdom). */
function parseInert(html: string): DocumentFragment {
  const template = document.createElement('template')
  template.innerHTML = html
  return template.content
}

/** Text a reader sees: no style/script source, whitespace ignored. */
function visibleText(root: ParentNode): string {
  const copy = root.cloneNode(true) as ParentNode
  copy.querySelectorAll('style, script, noscript, template').forEach((node) => {
    node.remove()
  })
  return (copy.textContent ?? '').replace(/\s+/g, '')
}

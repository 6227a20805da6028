import { basename, extname } from 'node:path'
import { NotAPostError } from '../../shared/errors.ts'
import type {
  CategoryStyle,
  InputTask,
  RawPost,
  TextInput,
} from '../input-types.ts'
import { parseFrontMatter } from './parse-front-matter.ts'
import { renderBody } from './render-body.ts'
import { splitFrontMatter, type MatterFormat } from './split-front-matter.ts'

/**
 * Reads a post file (Hexo, Jekyll, Hugo): front matter and body, the body
 * rendered to HTML. Throws PostError for front matter it cannot read, and
 * NotAPostError when `needsFrontMatter` and there is none.
 */
export function readPost(
  task: InputTask,
  input: TextInput,
  needsFrontMatter = false,
): RawPost {
  const split = splitFrontMatter(input.text)
  if (needsFrontMatter && split.format === 'none') {
    const ext = extname(task.path).toLowerCase()
    throw new NotAPostError(
      `no front matter: a ${ext} file is read as a post only when it starts with front matter`,
    )
  }
  return {
    file: task.file,
    relPath: task.relPath,
    data: parseFrontMatter(split),
    html: renderBody(split.body, extname(task.path)),
    categoryStyle: categoryStyle(split.format, task.relPath),
    keepRootRelative: true,
    mtimeMs: input.mtimeMs,
  }
}

/**
 * Hexo reads a YAML `categories` list as one path; Hugo (TOML/JSON front
 * matter) and Jekyll (files named `YYYY-MM-DD-title.md`, space-separated
 * strings) as flat names.
 */
export function categoryStyle(
  format: MatterFormat,
  relPath: string,
): CategoryStyle {
  if (format === 'toml' || format === 'json') return 'flat'
  const jekyllName = /^\d{4}-\d{2}-\d{2}-/.test(basename(relPath))
  return jekyllName ? 'jekyll' : 'hierarchical'
}

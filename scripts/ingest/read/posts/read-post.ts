import { basename, extname } from 'node:path'
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
 * rendered to HTML. Throws PostError for front matter it cannot read.
 */
export function readPost(task: InputTask, input: TextInput): RawPost {
  const split = splitFrontMatter(input.text)
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

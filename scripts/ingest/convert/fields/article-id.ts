import { isArticleId } from '../../../../src/lib/article-schema.ts'
import { shortHash } from '../../shared/hash.ts'

const EXPLICIT_ID_FIELDS = ['slug', 'permalink', 'abbrlink', 'id', 'guid']

/**
 * The article id, stable across re-ingests (see docs/decisions): the first
 * explicit `slug`/`permalink`/`abbrlink`/`id`/`guid` — as written when it is
 * URL-safe, else a hash of it; else a hash of the original link; else a
 * hash of the file's path relative to its input root. Never the title or
 * date, which aggregators rewrite. Hashes are 12 base32 characters.
 */
export function deriveId(
  data: Record<string, unknown>,
  link: string | undefined,
  relPath: string,
): string {
  const explicit = explicitId(data)
  if (explicit !== undefined) {
    return isArticleId(explicit) ? explicit : shortHash(explicit)
  }
  return shortHash(link ?? relPath)
}

function explicitId(data: Record<string, unknown>): string | undefined {
  for (const field of EXPLICIT_ID_FIELDS) {
    const value = data[field]
    if (typeof value !== 'string' && typeof value !== 'number') continue
    const text = String(value).trim()
    if (text !== '') return text
  }
  return undefined
}

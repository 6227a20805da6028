/**
 * What the reading stage hands on: the files to read (InputTask), what one
 * file or feed item says before it is interpreted (RawPost), and why a file
 * gave nothing (Rejection). Types only, so every stage may import them.
 */

/** One input file to read, as discovery found it. */
export type InputTask = {
  /** Absolute path to read (never written to the output). */
  path: string
  /** The name the report uses: relative to its input root (reportName). */
  file: string
  /** Path relative to the input root (ids, Jekyll detection). */
  relPath: string
  /**
   * Size and modification time (unchanged files are not read again): from
   * discovery, or filled in by the reader from the file it opened.
   */
  size?: number
  mtimeMs?: number
  /** Digest of the bytes read (contentHash), set by the reader. */
  contentHash?: string
}

/** An input that gave no article, and why. */
export type Rejection = {
  file: string
  ok: false
  line?: number
  reason: string
  /** No post or feed at all (an image, a note): nothing was wrong with it. */
  skipped?: true
}

/** A file's text, decoded and repaired, and its modification time. */
export type TextInput = { text: string; mtimeMs: number }

/**
 * `hierarchical`: Hexo, where `[A, B, C]` is one path A › B › C and
 * `[[A, B], [C]]` two paths. `flat`: Hugo and feeds, where every name in
 * `categories` is its own one-level path. `jekyll`: flat, and a plain
 * string holds several names separated by spaces.
 */
export type CategoryStyle = 'hierarchical' | 'flat' | 'jekyll'

/** One post or feed item, read but not yet interpreted. */
export type RawPost = {
  /** How the report names it (a path, or `feed.xml#3` for a feed item). */
  file: string
  /** Path relative to its input root: the id of last resort. */
  relPath: string
  /** Front matter, or a feed item's fields in the same vocabulary. */
  data: Record<string, unknown>
  /** HTML, or Markdown already rendered to HTML. */
  html: string
  categoryStyle: CategoryStyle
  /** The feed's title for feed items (the article's source). */
  source?: string
  /** The feed's site link: a relative `link` resolves against it. */
  linkBase?: string
  /** Post files keep root-relative URLs (their site's own assets). */
  keepRootRelative?: boolean
  /** The file's modification time: a date of last resort, reported. */
  mtimeMs?: number
  /** What the reader noticed (a truncated feed): reported with the article. */
  notes?: string[]
}

import type { ReactNode } from 'react'
import type { ArticleSummary } from '@/lib/article-schema'
import type { ArticleCardProps } from './article-card'
import type * as windowedRows from './windowed-rows'

/**
 * Lists up to this long render every row in the page's normal flow: the
 * DOM stays small, find-in-page sees every card, and the first screen
 * (prerendered or not) needs no windowing code. Longer lists window their
 * rows (`windowed-rows.tsx`, loaded when first needed).
 */
export const RENDER_ALL_UP_TO = 48

/** The history entry a list is shown in, and how far it has loaded. */
export type ListEntry = {
  /** React Router's `location.key`. */
  key: string
  /** The list's pathname. */
  href: string
  /** Pages loaded so far. */
  pages: number
}

export type ArticleRowsProps = {
  articles: ArticleSummary[]
  /** The list's full length, for `aria-setsize`. */
  total: number
  /** Where this list's place is kept (one snapshot per history entry). */
  entry: ListEntry
  linkState?: unknown
  onPrefetch?: ArticleCardProps['onPrefetch']
  renderActions?: (article: ArticleSummary) => ReactNode
  /** Whether an article is read (undefined: not known, e.g. prerendered). */
  isRead?: (article: ArticleSummary) => boolean | undefined
  onScrolledPast?: (article: ArticleSummary) => void
  /** More pages to load (j past the last card loads the next). */
  hasMore?: boolean
  onLoadMore?: () => void
}

type WindowedRowsModule = typeof windowedRows

let loaded: WindowedRowsModule | undefined
let loading: Promise<WindowedRowsModule> | undefined

/** Whether a list of `rows` rows is windowed. */
export function needsWindowing(rows: number): boolean {
  return rows > RENDER_ALL_UP_TO
}

/**
 * Loads the windowed rows (with the virtualizer) once; the list loader
 * awaits it before restoring a long list, so that list renders windowed
 * from its first render.
 */
export function loadWindowedRows(): Promise<WindowedRowsModule> {
  loading ??= import('./windowed-rows').then((module) => (loaded = module))
  return loading
}

/** The windowed rows if they have loaded, else undefined. */
export function loadedWindowedRows(): WindowedRowsModule | undefined {
  return loaded
}

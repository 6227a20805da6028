import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { ArticleSummary, Manifest } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { markedListOf } from '@/lib/reading/marked-list'
import type { ReadingStore } from '@/lib/reading/reading-store'
import { useReadingStore } from '@/lib/reading/use-reading'

/** What the list says after a mark, with the way back. */
export type MarkNotice = { text: string; undo?: () => void }

export type ListMarks = {
  /** Marks the whole list read (Shift+A, the list's button). Stable. */
  markAll: () => void
  /** Marks `article` and everything older in the list read (a card's menu). Stable. */
  markOlder: (article: ArticleSummary) => void
  notice: MarkNotice | null
  dismiss: () => void
}

/** A list of the manifest: all articles (`path` `[]`) or a category. */
export type ManifestList = { manifest: Manifest; path: readonly string[] }

/**
 * "Mark all read" and "mark this and older read" for one list. For a list
 * of the manifest it is one watermark, never an id per article; for other
 * lists (saved articles, search results) the loaded items are marked one
 * by one. `loaded` are the list's loaded articles, newest first. Each mark
 * can be undone from its notice.
 */
export function useListMarks(
  loaded: readonly ArticleSummary[],
  list: ManifestList | null,
): ListMarks {
  const store = useReadingStore()
  const messages = useMessages()
  const [notice, setNotice] = useState<MarkNotice | null>(null)
  const latest = useRef({ loaded, list, messages })
  useLayoutEffect(() => {
    latest.current = { loaded, list, messages }
  })
  const mark = useCallback(
    (upTo: number) => {
      const { loaded, list, messages } = latest.current
      const made = markFrom(store, loaded, upTo, list)
      if (!made) return
      setNotice({
        text: messages.markedRead(made.count),
        undo: () => {
          made.undo()
          setNotice({ text: latest.current.messages.undone })
        },
      })
    },
    [store],
  )
  const markAll = useCallback(() => mark(0), [mark])
  const markOlder = useCallback(
    (article: ArticleSummary) =>
      mark(latest.current.loaded.findIndex((a) => a.id === article.id)),
    [mark],
  )
  const dismiss = useCallback(() => setNotice(null), [])
  return { markAll, markOlder, notice, dismiss }
}

// --- internal ---

function markFrom(
  store: ReadingStore,
  loaded: readonly ArticleSummary[],
  upTo: number,
  list: ManifestList | null,
): { count: number; undo: () => void } | null {
  const target = loaded[upTo]
  if (!target) return null
  const older = loaded.slice(upTo)
  if (!list) {
    const count = older.filter((a) => !store.isRead(a)).length
    return { count, undo: store.markAllRead(older) }
  }
  const marked = markedListOf(list.manifest, list.path)
  const unread = () =>
    store.unreadIn(marked.scope, marked.countOf(marked.scope))
  const before = unread()
  const date = Date.parse(target.date_published)
  const newer = loaded.filter((a) => Date.parse(a.date_published) > date)
  const undo = store.markOlderRead(marked, date, newer)
  return { count: Math.max(0, before - unread()), undo }
}

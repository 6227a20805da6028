import {
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react'
import type { ArticleSummary } from '@/lib/article-schema'
import { useMessages } from '@/lib/locale'
import { useReadingStore, useReadingValue } from '@/lib/reading/use-reading'

export type CardActionsProps = {
  article: ArticleSummary
  /** "Mark this and older read", when the list offers it. */
  onMarkOlder?: (article: ArticleSummary) => void
}

/**
 * A card's "⋯" menu: mark read or unread, and mark this and every older
 * article of the list read. A disclosure (a button and the actions it
 * shows), closed by Escape, by choosing, or by leaving it.
 */
export function CardActions({ article, onMarkOlder }: CardActionsProps) {
  const messages = useMessages()
  const store = useReadingStore()
  const read = useReadingValue((s) => s.isRead(article), false)
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panelId = useId()
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    event.preventDefault()
    event.stopPropagation()
    close(true)
  }
  const onBlur = (event: FocusEvent<HTMLSpanElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false)
  }
  return (
    <span
      className="card-menu"
      data-open={open}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    >
      <button
        type="button"
        ref={button}
        className="card-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={messages.cardActions(article.title)}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {/* Spans: the menu sits in the card's meta line, a paragraph. */}
      <span id={panelId} className="card-menu-panel" hidden={!open}>
        <button
          type="button"
          onClick={() => {
            store.setRead(article, !read)
            close(true)
          }}
        >
          {read ? messages.markUnread : messages.markRead}
        </button>
        {onMarkOlder && (
          <button
            type="button"
            onClick={() => {
              onMarkOlder(article)
              close(true)
            }}
          >
            {messages.markOlderRead}
          </button>
        )}
      </span>
    </span>
  )
}

import { useState } from 'react'
import { StableText } from '@/components/stable-text'
import { useMessages } from '@/lib/locale'
import type { ListMarks } from '../use-list-marks'
import type { UnreadFilter } from '../use-unread-filter'
import { MarkNoticeView } from './mark-notice'

export type ListToolbarProps = {
  filter: UnreadFilter
  marks: ListMarks
  /** Unread articles in the whole list, when known. */
  unread?: number
}

/**
 * Above a list: "Unread only" (in the URL), "Mark all read", and what a
 * mark did, with Undo. Its labels keep their width when the prerendered
 * page switches to the reader's language, and the button sits at the end,
 * so neither that switch nor the unread count appearing moves anything.
 */
export function ListToolbar({ filter, marks, unread }: ListToolbarProps) {
  const messages = useMessages()
  // The switch moves at once; the URL (and the list) follow a moment
  // later, and from then on the URL decides again.
  const [pending, setPending] = useState<{ to: boolean; from: boolean }>()
  const checked = pending?.from === filter.on ? pending.to : filter.on
  return (
    <div className="list-toolbar">
      <label className="unread-switch">
        <input
          type="checkbox"
          role="switch"
          checked={checked}
          onChange={(event) => {
            setPending({ to: event.target.checked, from: filter.on })
            filter.set(event.target.checked)
          }}
        />
        <StableText text={(m) => m.unreadOnly} />
        {unread !== undefined && (
          <span className="count">{messages.unreadCount(unread)}</span>
        )}
      </label>
      <button
        type="button"
        className="mark-all-read"
        onClick={marks.markAll}
        disabled={unread === 0}
      >
        <StableText text={(m) => m.markAllRead} />
      </button>
      <MarkNoticeView notice={marks.notice} onDismiss={marks.dismiss} />
    </div>
  )
}

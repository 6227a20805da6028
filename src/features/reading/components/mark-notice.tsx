import { useMessages } from '@/lib/locale'
import type { MarkNotice } from '../use-list-marks'

export type MarkNoticeViewProps = {
  notice: MarkNotice | null
  onDismiss: () => void
}

/**
 * What the last mark did ("Marked 120 articles read.") with Undo, in a
 * live region that is always in the page, so screen readers announce it.
 * It stays until dismissed or the list is left (no timer to race).
 */
export function MarkNoticeView({ notice, onDismiss }: MarkNoticeViewProps) {
  const messages = useMessages()
  return (
    <div className="mark-notice" role="status">
      {notice && (
        <>
          <span>{notice.text}</span>
          {notice.undo && (
            <button type="button" onClick={notice.undo}>
              {messages.undo}
            </button>
          )}
          <button
            type="button"
            className="mark-notice-dismiss"
            aria-label={messages.dismiss}
            onClick={onDismiss}
          >
            <span aria-hidden="true">×</span>
          </button>
        </>
      )}
    </div>
  )
}

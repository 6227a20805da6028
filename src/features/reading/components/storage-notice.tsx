import type { Messages } from '@/config/messages'
import { useMessages } from '@/lib/locale'
import type { StorageNotice as Notice } from '@/lib/reading/reading-store'
import { useReadingStore, useReadingValue } from '@/lib/reading/use-reading'

const text: Record<Notice, (m: Messages) => string> = {
  unavailable: (m) => m.storageUnavailable,
  quota: (m) => m.storageQuota,
  newer: (m) => m.storageNewer,
  damaged: (m) => m.storageDamaged,
  'old-format': (m) => m.storageOldFormat,
}

/**
 * A quiet banner when the reading state is not kept (this session only)
 * or was reset; for the app's notices region under the header.
 */
export function StorageNotice() {
  const messages = useMessages()
  const store = useReadingStore()
  const notice = useReadingValue((s) => s.notice, null)
  if (!notice) return null
  return (
    <div className="notice" role="status">
      <span>{text[notice](messages)}</span>
      <button type="button" onClick={() => store.dismissNotice()}>
        {messages.dismiss}
      </button>
    </div>
  )
}

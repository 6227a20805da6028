import { useState } from 'react'
import { useMessages } from '@/lib/locale'
import { useReadingStore } from '@/lib/reading/use-reading'
import { clearAll, exportAll, exportSaved, importFile } from '../state-transfer'

/**
 * The reader's data on this device: export everything (one file, saved
 * articles inside as a JSON Feed) or the saved articles alone, import a
 * file back (checked; a bad one is refused with the reason), clear all.
 */
export function ReadingData() {
  const messages = useMessages()
  const store = useReadingStore()
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(
    null,
  )
  const [confirming, setConfirming] = useState(false)
  return (
    <section className="reading-data" aria-labelledby="reading-data-title">
      <h2 id="reading-data-title">{messages.yourData}</h2>
      <div className="reading-data-actions">
        <button type="button" onClick={() => void exportAll(store)}>
          {messages.exportAll}
        </button>
        <button type="button" onClick={() => void exportSaved(store)}>
          {messages.exportSaved}
        </button>
        <label className="file-button">
          {messages.importFile}
          <input
            type="file"
            accept=".json,application/json,application/feed+json"
            onChange={(event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) void importFile(store, file, messages).then(setStatus)
            }}
          />
        </label>
        {confirming ? (
          <span className="confirm">
            {messages.clearConfirm}{' '}
            <button
              type="button"
              onClick={() => {
                setConfirming(false)
                void clearAll(store).then(() =>
                  setStatus({ ok: true, text: messages.cleared }),
                )
              }}
            >
              {messages.clearYes}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {messages.cancel}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {messages.clearAll}
          </button>
        )}
      </div>
      <p className="reading-data-status" role="status">
        {status?.ok ? status.text : null}
      </p>
      <p className="reading-data-status" role="alert">
        {status && !status.ok ? status.text : null}
      </p>
    </section>
  )
}

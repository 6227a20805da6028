import { useId } from 'react'
import { useMessages } from '@/lib/locale'
import { useHydrated } from '@/lib/use-hydrated'
import {
  COUNT_KEY,
  KEEP_NEWEST_CHOICES,
  remember,
  update,
  useChoice,
} from './keep-newest-choice'

/** The setting itself (the settings menu shows it), with the last result. */
export function KeepNewestSetting() {
  const messages = useMessages()
  const hydrated = useHydrated()
  const { count, result } = useChoice()
  const id = useId()
  return (
    <div className="keep-newest">
      <label htmlFor={id}>{messages.keepNewest}</label>
      <select
        id={id}
        value={hydrated ? count : 0}
        disabled={!hydrated}
        onChange={(event) => {
          const next = Number(event.target.value)
          remember(COUNT_KEY, String(next))
          update({ count: next, result: null })
        }}
      >
        {KEEP_NEWEST_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n === 0 ? messages.keepNewestOff : messages.keepNewestCount(n)}
          </option>
        ))}
      </select>
      <p role="status" className="keep-newest-status">
        {result && count > 0 && (
          <>
            {messages.keepNewestDone(result.kept)}
            {result.failed > 0 &&
              ` · ${messages.keepNewestFailed(result.failed)}`}
          </>
        )}
      </p>
    </div>
  )
}

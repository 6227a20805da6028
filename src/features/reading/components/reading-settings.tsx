import { useMessages } from '@/lib/locale'
import { useMarkOnScroll } from '../use-mark-on-scroll'

/**
 * The reading-state settings, as a fieldset the settings menu can place
 * (it is on the saved page until then).
 */
export function ReadingSettings() {
  const messages = useMessages()
  const [markOnScroll, setMarkOnScroll] = useMarkOnScroll()
  return (
    <fieldset className="reading-settings">
      <legend>{messages.readingSettings}</legend>
      <label>
        <input
          type="checkbox"
          checked={markOnScroll}
          onChange={(event) => setMarkOnScroll(event.target.checked)}
        />
        {messages.markOnScroll}
      </label>
    </fieldset>
  )
}

import { useEffect, useRef, useState } from 'react'
import { useMessages } from '@/lib/locale'
import { useHydrated } from '@/lib/use-hydrated'
import { buildShareUrl, shareOrCopy, type ShareOutcome } from '../share-link'

export type ShareButtonProps = {
  title: string
  /** The reader's path of the thing to share, e.g. `/a/<id>`. */
  href: string
  /** The small variant for list cards; its name includes the title. */
  compact?: boolean
}

const FEEDBACK_MS = 4000

/**
 * Shares the canonical link: the system share sheet where there is one,
 * else the clipboard (with "Link copied"), else the link in a selected
 * field to copy by hand.
 */
export function ShareButton({
  title,
  href,
  compact = false,
}: ShareButtonProps) {
  const messages = useMessages()
  // Disabled in prerendered pages until the app runs: it needs JavaScript.
  const ready = useHydrated()
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null)
  const field = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (outcome === 'manual') field.current?.select()
    if (outcome !== 'copied') return
    const timer = setTimeout(() => setOutcome(null), FEEDBACK_MS)
    return () => clearTimeout(timer)
  }, [outcome])

  // Built on use, not in render: the origin is known only in the browser,
  // and the button is also rendered into prerendered pages.
  const share = async () => {
    setOutcome(null)
    setOutcome(await shareOrCopy({ title, url: buildShareUrl(href) }))
  }

  return (
    // A span: the compact variant sits inside a card's meta paragraph.
    <span className={compact ? 'share share-compact' : 'share'}>
      <button
        type="button"
        className="share-button"
        aria-label={compact ? messages.shareTitled(title) : undefined}
        disabled={!ready}
        onClick={() => void share()}
      >
        {messages.share}
      </button>
      {/* The live region exists before it speaks, so screen readers hear it. */}
      <span role="status" className="share-status">
        {outcome === 'copied' ? messages.linkCopied : ''}
      </span>
      {outcome === 'manual' && (
        <label className="share-field">
          <span>{messages.shareLink}</span>
          <input
            ref={field}
            type="text"
            readOnly
            value={buildShareUrl(href)}
            onFocus={(event) => event.currentTarget.select()}
          />
        </label>
      )}
    </span>
  )
}

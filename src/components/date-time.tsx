import { useRef, useState } from 'react'
import type { PointerEvent } from 'react'
import {
  formatFixedDate,
  formatLocalDate,
  formatRelativeDate,
} from '@/lib/format-date'
import { useLocale } from '@/lib/locale'
import { useNow } from '@/lib/use-now'

/** How long a touch must rest on a date to write it out. */
export const LONG_PRESS_MS = 500

export type DateTimeProps = {
  /** RFC 3339. */
  iso: string
}

/**
 * A date as a reader wants it: "3 hours ago" while it is recent, the date
 * itself once it is older; the full date and time on hover (`title`), for
 * screen readers (hidden text after the relative one) and on a long press
 * on touch screens (which have no hover). Prerendered and while hydrating,
 * the fixed UTC date the page was written with.
 */
export function DateTime({ iso }: DateTimeProps) {
  const { dates, language } = useLocale()
  const now = useNow()
  const [written, setWritten] = useState(false)
  const press = useRef<ReturnType<typeof setTimeout>>(undefined)
  // One element in both modes: the switch after hydration changes its
  // text, it does not replace it (nothing in the byline is redrawn).
  const fixed = dates === 'fixed'
  const absolute = fixed ? formatFixedDate(iso) : formatLocalDate(iso, language)
  const relative =
    fixed || written ? null : formatRelativeDate(iso, now, language)
  const cancel = () => clearTimeout(press.current)
  const start = (event: PointerEvent) => {
    if (fixed || event.pointerType !== 'touch') return
    cancel()
    press.current = setTimeout(() => setWritten((w) => !w), LONG_PRESS_MS)
  }
  return (
    <time
      dateTime={iso}
      title={fixed ? undefined : formatLocalDate(iso, language, 'long')}
      className="date"
      onPointerDown={start}
      onPointerUp={cancel}
      onPointerCancel={cancel}
      onPointerLeave={cancel}
    >
      {relative ?? absolute}
      {relative && <span className="visually-hidden">{` (${absolute})`}</span>}
    </time>
  )
}

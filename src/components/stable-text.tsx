import { messagesFor, type Messages } from '@/config/messages'
import { LANGUAGES } from '@/config/languages'
import { useLocale } from '@/lib/locale'

export type StableTextProps = {
  /** The text, from the messages of a language. */
  text: (messages: Messages) => string
}

/**
 * Interface text that keeps its place when the language changes: a box as
 * wide as the text in every interface language. The text shown is the
 * element's content; the other language's is drawn invisibly in the same
 * grid cell by CSS (`::before`, from `data-reserve`), so it is neither in
 * the text content (copying, search engines, readers without CSS) nor read
 * by screen readers. A prerendered page is written in the site's language
 * and the app switches to the reader's as it starts (decision 018): around
 * this text nothing moves then. For the few labels of the page frame above
 * the content (header, category tree, breadcrumb, byline).
 */
export function StableText({ text }: StableTextProps) {
  const { language } = useLocale()
  const others = LANGUAGES.filter((lang) => lang !== language)
  return (
    <span
      className="stable-text"
      data-reserve={others.map((lang) => text(messagesFor(lang))).join(' ')}
    >
      <span>{text(messagesFor(language))}</span>
    </span>
  )
}

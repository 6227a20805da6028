import { LANGUAGES, messagesFor, type Messages } from '@/config/messages'
import { useLocale } from '@/lib/locale'

export type StableTextProps = {
  /** The text, from the messages of a language. */
  text: (messages: Messages) => string
}

/**
 * Interface text that keeps its place when the language changes: the text
 * in every interface language, stacked in one box as wide as the widest,
 * only the one being shown visible (the others hidden from screen readers
 * too). A prerendered page is written in the site's language and the app
 * switches to the reader's as it starts (decision 018); around this text,
 * nothing moves then. For the few labels of the page frame above the
 * content (header, category tree, breadcrumb, byline).
 */
export function StableText({ text }: StableTextProps) {
  const { language } = useLocale()
  return (
    <span className="stable-text">
      {LANGUAGES.map((lang) => (
        <span
          key={lang}
          lang={lang}
          aria-hidden={lang === language ? undefined : true}
        >
          {text(messagesFor(lang))}
        </span>
      ))}
    </span>
  )
}

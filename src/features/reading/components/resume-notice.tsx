import { useMessages } from '@/lib/locale'

export type ResumeNoticeProps = { onStartOver: () => void }

/** Said when an article opened where the reader had stopped, with the way to its start. */
export function ResumeNotice({ onStartOver }: ResumeNoticeProps) {
  const messages = useMessages()
  return (
    <div className="resume-notice" role="status">
      <span>{messages.resumed}</span>
      <button type="button" onClick={onStartOver}>
        {messages.backToTop}
      </button>
    </div>
  )
}

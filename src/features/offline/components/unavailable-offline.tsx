import { useMessages } from '@/lib/locale'

/** On a card the reader cannot open offline: says so, quietly. */
export function UnavailableOffline() {
  const messages = useMessages()
  return <span className="card-offline">{messages.notOffline}</span>
}

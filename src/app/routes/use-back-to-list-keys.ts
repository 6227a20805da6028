import { useNavigate } from 'react-router'
import { useMessages } from '@/lib/locale'
import { useKeyBindings } from '@/lib/use-key-bindings'

/**
 * `u` or Backspace on an article: back to the list it was opened from.
 * When that list is `depth` entries back in this tab's history, it goes
 * back there (the list's entry keeps its place and selected card);
 * otherwise (a shared link, a new tab) it opens the list at `href`.
 */
export function useBackToListKeys(depth: number, href: string) {
  const messages = useMessages()
  const navigate = useNavigate()
  const back = () => void (depth > 0 ? navigate(-depth) : navigate(href))
  useKeyBindings([
    { keys: 'u', label: messages.keys.backToList, group: 'article', run: back },
    {
      keys: 'Backspace',
      label: messages.keys.backToList,
      group: 'article',
      run: back,
    },
  ])
}

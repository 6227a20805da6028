import { useNavigate } from 'react-router'
import { paths } from '@/config/paths'
import { useMessages } from '@/lib/locale'
import { useKeyBindings } from '@/lib/use-key-bindings'

/** The keys that work on every page: `?` help, `g h` all articles, `g s` saved. */
export function useGlobalKeys(toggleShortcuts: () => void) {
  const messages = useMessages()
  const navigate = useNavigate()
  useKeyBindings([
    {
      keys: '?',
      label: messages.keys.showShortcuts,
      group: 'general',
      run: toggleShortcuts,
    },
    {
      keys: 'g h',
      label: messages.keys.goHome,
      group: 'go',
      run: () => void navigate(paths.home.getHref()),
    },
    {
      keys: 'g s',
      label: messages.keys.goSaved,
      group: 'go',
      run: () => void navigate(paths.saved.getHref()),
    },
  ])
}

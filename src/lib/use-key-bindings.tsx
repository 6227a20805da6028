import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import type { KeyBinding, KeyMap } from './key-map.ts'

const KeyMapContext = createContext<KeyMap | null>(null)

export type KeyMapProviderProps = {
  keyMap: KeyMap
  children: ReactNode
}

/** Listens for key presses on the document and hands them to `keyMap`. */
export function KeyMapProvider({ keyMap, children }: KeyMapProviderProps) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => void keyMap.handle(event)
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [keyMap])
  return <KeyMapContext value={keyMap}>{children}</KeyMapContext>
}

function useKeyMap(): KeyMap {
  const keyMap = useContext(KeyMapContext)
  if (!keyMap) throw new Error('useKeyBindings needs a KeyMapProvider')
  return keyMap
}

/**
 * Registers `bindings` while the component is mounted. Their `run` and
 * `when` may close over fresh state on every render: the key map calls
 * the latest ones. Bindings are registered again only when their keys,
 * labels or groups change.
 */
export function useKeyBindings(bindings: readonly KeyBinding[]) {
  const keyMap = useKeyMap()
  const latest = useRef(bindings)
  useLayoutEffect(() => {
    latest.current = bindings
  })
  const signature = bindings
    .map((b) => `${b.keys}\u0000${b.label}\u0000${b.group}`)
    .join('\u0001')
  useEffect(() => {
    const stable = latest.current.map((binding, i): KeyBinding => ({
      ...binding,
      run: (event) => latest.current[i]?.run(event),
      when: () => latest.current[i]?.when?.() ?? true,
    }))
    return keyMap.register(stable)
  }, [keyMap, signature])
}

/** The bindings that apply now, for the help overlay; re-renders on change. */
export function useActiveKeyBindings(): KeyBinding[] {
  const keyMap = useKeyMap()
  useSyncExternalStore(
    (onChange) => keyMap.subscribe(onChange),
    () => keyMap.version,
  )
  return keyMap.list()
}

import {
  createContext,
  use,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react'

const subscribe = () => () => {}

/** True on the server and while React hydrates its markup in the browser. */
function useHydrating(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => false,
    () => true,
  )
}

const HydratedContext = createContext<boolean | null>(null)

/**
 * Tells every `useHydrated()` below when hydration is over, in one
 * render: the whole app then re-renders once (the reader's language,
 * local dates, device state), not once per `useSyncExternalStore` that
 * flips. Not in a transition: while the first load's queries resolve,
 * their stores change under a concurrent render, and React then redoes
 * the whole of it synchronously; Lighthouse measured that as 250 ms
 * more blocking time on `/` (decision 027). A page that was not hydrated
 * renders with `true` from its first render.
 */
export function HydratedProvider({ children }: { children: ReactNode }) {
  const hydrating = useHydrating()
  const [hydrated, setHydrated] = useState(!hydrating)
  useEffect(() => {
    // The one cascading render wanted: after hydration's commit and paint.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (!hydrated) setHydrated(true)
  }, [hydrated])
  return <HydratedContext value={hydrated}>{children}</HydratedContext>
}

/**
 * False while React renders on the server and while it hydrates that
 * markup in the browser; true in every other client render. Right after
 * hydration React renders again with true (in a transition, under a
 * `HydratedProvider`), so a component can first draw exactly what was
 * prerendered and then what the reader gets.
 */
export function useHydrated(): boolean {
  const provided = use(HydratedContext)
  const hydrating = useHydrating()
  return provided ?? !hydrating
}

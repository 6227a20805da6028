import {
  createContext,
  startTransition,
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
 * Tells every `useHydrated()` below when hydration is over, as one
 * transition: the whole app then re-renders once (the reader's language,
 * local dates, device state) in slices React yields between, instead of
 * in one synchronous task per `useSyncExternalStore` that flips (on a
 * 4×-slowed phone that was the first visit's longest task). A page that
 * was not hydrated renders with `true` from its first render.
 */
export function HydratedProvider({ children }: { children: ReactNode }) {
  const hydrating = useHydrating()
  const [hydrated, setHydrated] = useState(!hydrating)
  useEffect(() => {
    if (!hydrated) startTransition(() => setHydrated(true))
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

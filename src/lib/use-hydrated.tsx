import {
  createContext,
  use,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import { waitForTurn, type Turn } from './hydration-turns'

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
 * Tells every `useHydrated()` below when hydration is over: the page's
 * frame (everything outside a `HydrationPart`) re-renders once, from an
 * effect after hydration's commit (the reader's language, local dates,
 * device state); then the parts take their turns (decision 029). Not in
 * a transition: while the first load's queries resolve, their stores
 * change under a concurrent render, and React then redoes the whole of it
 * synchronously (decision 027). A page that was not hydrated renders with
 * `true` from its first render.
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
 * A part of a hydrated page that makes the switch after hydration in a
 * turn of its own, after the frame's: a card, a row of the category tree.
 * Each switch rewrites the part's text and attributes (language, dates,
 * reading state); done for the whole page at once it was one task of
 * 100–200 ms on a phone, done part by part no task is long and input is
 * answered between them (decision 029). Inside, `useHydrated()` (and so
 * `useLocale()`) stays false until the part's turn. A part mounted after
 * the switch (the next page of a list, a route rendered afresh) has no
 * turn to wait for; a part inside another waits for that one's turn.
 */
export function HydrationPart({
  held = false,
  children,
}: {
  /** Not yet: the part is out of sight (a closed branch); it queues once it is not. */
  held?: boolean
  children: ReactNode
}) {
  const outer = useHydrated()
  const [switched, setSwitched] = useState(outer)
  const turn = useRef<Turn>(null)
  useEffect(() => {
    // In the queue once what holds it has switched: the frame's parts
    // first, in the page's order, then the parts inside them.
    if (switched || !outer || held) return
    const queued = waitForTurn(() => setSwitched(true))
    turn.current = queued
    return () => queued.leave()
  }, [switched, outer, held])
  useLayoutEffect(() => {
    if (switched) turn.current?.committed()
  }, [switched])
  return <HydratedContext value={outer && switched}>{children}</HydratedContext>
}

/**
 * False while React renders on the server and while it hydrates that
 * markup in the browser; true in every other client render. Right after
 * hydration React renders again with true (under a `HydratedProvider`;
 * inside a `HydrationPart`, in the part's turn), so a component can first
 * draw exactly what was prerendered and then what the reader gets. Read
 * from the provider alone: a `useSyncExternalStore` in each caller made
 * React re-render every one of them at once, synchronously, as hydration
 * ended (decision 029). Without a provider (a component rendered on its
 * own in the browser) it is true; server renders and hydration need one
 * (`AppProvider` has it).
 */
export function useHydrated(): boolean {
  return use(HydratedContext) ?? true
}

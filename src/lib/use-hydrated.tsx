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

/**
 * Whether the page's frame, or one part of it, has made its switch after
 * hydration. The context holds this object, which never changes; its
 * readers subscribe to it. A context whose value changed would make
 * React re-render every reader below its provider, the parts' included,
 * even where a part's own provider still said false (decision 031).
 */
class HydrationSwitch {
  private on: boolean
  private readonly listeners = new Set<() => void>()
  constructor(on: boolean) {
    this.on = on
  }
  readonly isOn = () => this.on
  readonly subscribe = (onChange: () => void) => {
    this.listeners.add(onChange)
    return () => {
      this.listeners.delete(onChange)
    }
  }
  turnOn() {
    if (this.on) return
    this.on = true
    for (const listener of this.listeners) listener()
  }
}

const HydratedContext = createContext<HydrationSwitch | null>(null)

/**
 * Tells every `useHydrated()` below when hydration is over: the page's
 * frame (everything outside a `HydrationPart`) re-renders once, in a task
 * of its own after hydration's (the reader's language, local dates,
 * device state); then the parts take their turns (decision 029). Turned
 * on in the effect itself, the switch was rendered in the task that
 * committed hydration and ran its effects: one long task (decision 031).
 * A page that was not hydrated renders with `true` from its first render.
 */
export function HydratedProvider({ children }: { children: ReactNode }) {
  const hydrating = useHydrating()
  const [frame] = useState(() => new HydrationSwitch(!hydrating))
  useEffect(() => {
    if (frame.isOn()) return
    // The one cascading render wanted: after hydration's task, not in it.
    const timer = setTimeout(() => frame.turnOn(), 0)
    return () => clearTimeout(timer)
  }, [frame])
  return <HydratedContext value={frame}>{children}</HydratedContext>
}

/**
 * A part of a hydrated page that makes the switch after hydration in a
 * turn of its own, after the frame's: a card, a row of the category tree.
 * Each switch rewrites the part's text and attributes (language, dates,
 * reading state); done for the whole page at once it was one task of
 * 100–200 ms on a phone, done part by part no task is long and input is
 * answered between them (decision 029). Inside, `useHydrated()` (and so
 * `useLocale()`) stays false until the part's turn, and the frame's
 * switch re-renders nothing inside. A part mounted after the switch (the
 * next page of a list, a route rendered afresh) has no turn to wait for;
 * a part inside another waits for that one's turn.
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
  const [part] = useState(() => new HydrationSwitch(outer))
  const switched = useSyncExternalStore(part.subscribe, part.isOn, part.isOn)
  const turn = useRef<Turn>(null)
  useEffect(() => {
    // In the queue once what holds it has switched: the frame's parts
    // first, in the page's order, then the parts inside them.
    if (switched || !outer || held) return
    const queued = waitForTurn(() => part.turnOn())
    turn.current = queued
    return () => queued.leave()
  }, [part, switched, outer, held])
  useLayoutEffect(() => {
    // Its readers re-rendered with it: the switch is committed.
    if (switched) turn.current?.committed()
  }, [switched])
  return <HydratedContext value={part}>{children}</HydratedContext>
}

const ALWAYS_ON = new HydrationSwitch(true)

/**
 * False while React renders on the server and while it hydrates that
 * markup in the browser; true in every other client render. After
 * hydration it turns true (under a `HydratedProvider` for the frame;
 * inside a `HydrationPart`, in the part's turn) and the component renders
 * again, so it can first draw exactly what was prerendered and then what
 * the reader gets. It reads the nearest switch, which says false during
 * hydration as on the server: hydration ends with nothing to re-render
 * (decision 029). Without a provider (a component rendered on its own in
 * the browser) it is true; server renders and hydration need one
 * (`AppProvider` has it).
 */
export function useHydrated(): boolean {
  const nearest = use(HydratedContext) ?? ALWAYS_ON
  return useSyncExternalStore(nearest.subscribe, nearest.isOn, nearest.isOn)
}

/**
 * `useSyncExternalStore` for what the prerendered page cannot know (the
 * reader's device and storage): `getServerSnapshot()` on the server, while
 * hydrating and until this component's switch after hydration
 * (`useHydrated()`), the store's own snapshot from then on. Read straight,
 * a store that differs from its server snapshot makes React re-render
 * every reader of it synchronously as hydration ends, in hydration's last
 * task, before the switch would have shown the value anyway (decision 031).
 */
export function useHydratedStore<T>(
  subscribe: (onChange: () => void) => () => void,
  getSnapshot: () => T,
  getServerSnapshot: () => T,
): T {
  return useSyncExternalStore(
    subscribe,
    useHydrated() ? getSnapshot : getServerSnapshot,
    getServerSnapshot,
  )
}

import { act, render, screen, waitFor } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, expect, test } from 'vitest'
import {
  HydratedProvider,
  HydrationPart,
  useHydrated,
  useHydratedStore,
} from './use-hydrated'

/** A device store whose value the server cannot know (like storage). */
function deviceStore(value: string) {
  const listeners = new Set<() => void>()
  return {
    value,
    set(next: string) {
      this.value = next
      for (const listener of listeners) listener()
    },
    subscribe: (onChange: () => void) => {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  }
}

type Store = ReturnType<typeof deviceStore>

const renders: string[] = []

function Reader({ name, store }: { name: string; store: Store }) {
  const value = useHydratedStore(
    store.subscribe,
    () => store.value,
    () => 'server',
  )
  renders.push(`${name}:${value}`)
  return <span data-testid={name}>{value}</span>
}

/** The frame switches; the part in its own turn afterwards. */
function Page({ store }: { store: Store }) {
  return (
    <HydratedProvider>
      <Reader name="frame" store={store} />
      <HydrationPart>
        <Reader name="part" store={store} />
        <Switched />
      </HydrationPart>
    </HydratedProvider>
  )
}

function Switched() {
  return <i data-testid="switched">{String(useHydrated())}</i>
}

const mounted: (() => void)[] = []
afterEach(() => {
  for (const unmount of mounted.splice(0)) unmount()
  document.body.replaceChildren()
  renders.length = 0
})

test('a hydrated page reads the store only from its switch: nothing re-renders as hydration ends', async () => {
  const store = deviceStore('device')
  const container = document.createElement('div')
  container.innerHTML = renderToString(<Page store={store} />)
  document.body.append(container)
  renders.length = 0
  const errors: unknown[] = []
  const root = await act(async () =>
    hydrateRoot(container, <Page store={store} />, {
      onRecoverableError: (error) => errors.push(error),
    }),
  )
  mounted.push(() => act(() => root.unmount()))
  expect(errors).toEqual([])
  // Hydration's commit and effects are done (act ran them): the store
  // differs from the server's snapshot, yet no reader re-rendered with
  // it in that task (useSyncExternalStore read straight would have).
  expect(screen.getByTestId('frame')).toHaveTextContent('server')
  expect(screen.getByTestId('part')).toHaveTextContent('server')
  expect(renders.every((entry) => entry.endsWith(':server'))).toBe(true)
  // The frame's switch, then the part's turn.
  await waitFor(() =>
    expect(screen.getByTestId('frame')).toHaveTextContent('device'),
  )
  await waitFor(() =>
    expect(screen.getByTestId('part')).toHaveTextContent('device'),
  )
  expect(screen.getByTestId('switched')).toHaveTextContent('true')
  expect(renders.indexOf('frame:device')).toBeLessThan(
    renders.indexOf('part:device'),
  )
  // And it follows the store from then on.
  act(() => store.set('changed'))
  expect(screen.getByTestId('frame')).toHaveTextContent('changed')
  expect(screen.getByTestId('part')).toHaveTextContent('changed')
})

test('rendered afresh in the browser it reads the store at once', () => {
  const store = deviceStore('device')
  render(<Page store={store} />)
  expect(screen.getByTestId('frame')).toHaveTextContent('device')
  expect(screen.getByTestId('part')).toHaveTextContent('device')
})

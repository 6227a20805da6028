import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, test } from 'vitest'
import { KeyMap } from './key-map'
import {
  KeyMapProvider,
  useActiveKeyBindings,
  useKeyBindings,
} from './use-key-bindings'

function Counter() {
  const [count, setCount] = useState(0)
  useKeyBindings([
    {
      keys: 'j',
      label: 'Count up',
      group: 'list',
      run: () => setCount(count + 1),
    },
  ])
  return <p>count {count}</p>
}

function Help() {
  const bindings = useActiveKeyBindings()
  return (
    <ul>
      {bindings.map((b) => (
        <li key={b.keys}>{b.label}</li>
      ))}
    </ul>
  )
}

describe('useKeyBindings', () => {
  test('runs the latest closure and lists the binding while mounted', async () => {
    const user = userEvent.setup()
    const { rerender } = render(
      <KeyMapProvider keyMap={new KeyMap()}>
        <Counter />
        <Help />
      </KeyMapProvider>,
    )
    await user.keyboard('jj')
    expect(screen.getByText('count 2')).toBeInTheDocument()
    expect(screen.getByRole('listitem')).toHaveTextContent('Count up')
    rerender(
      <KeyMapProvider keyMap={new KeyMap()}>
        <Help />
      </KeyMapProvider>,
    )
    await act(async () => {})
    expect(screen.queryByRole('listitem')).toBeNull()
  })
})

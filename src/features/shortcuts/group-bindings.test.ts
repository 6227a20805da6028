import { describe, expect, test } from 'vitest'
import type { KeyBinding } from '@/lib/key-map'
import { groupBindings, keyCaps } from './group-bindings'

const run = () => {}
const binding = (
  keys: string,
  label: string,
  group: KeyBinding['group'],
): KeyBinding => ({ keys, label, group, run })

describe('the help overlay’s rows', () => {
  test('are grouped lists first, with keys of the same action in one row', () => {
    const groups = groupBindings(
      [
        binding('?', 'Help', 'general'),
        binding('j', 'Next', 'list'),
        binding('o', 'Open', 'list'),
        binding('Enter', 'Open', 'list'),
        binding('g h', 'Home', 'go'),
      ],
      { general: [{ label: 'Close', keys: [['Escape']] }] },
    )
    expect(groups).toEqual([
      {
        group: 'list',
        rows: [
          { label: 'Next', keys: [['j']] },
          { label: 'Open', keys: [['o'], ['Enter']] },
        ],
      },
      { group: 'go', rows: [{ label: 'Home', keys: [['g', 'h']] }] },
      {
        group: 'general',
        rows: [
          { label: 'Help', keys: [['?']] },
          { label: 'Close', keys: [['Escape']] },
        ],
      },
    ])
  })

  test('draw Shift and named keys as the keyboard labels them', () => {
    expect(keyCaps('Shift+a')).toEqual(['Shift', 'A'])
    expect(keyCaps('Escape')).toEqual(['Esc'])
    expect(keyCaps('?')).toEqual(['?'])
  })
})

import { afterEach, describe, expect, test, vi } from 'vitest'
import { KeyMap, SEQUENCE_TIMEOUT_MS, type KeyBinding } from './key-map'

function press(key: string, init: KeyboardEventInit = {}, target?: Element) {
  const event = new KeyboardEvent('keydown', {
    key,
    bubbles: true,
    cancelable: true,
    ...init,
  })
  ;(target ?? document.body).dispatchEvent(event)
  return event
}

function setup(
  bindings: Omit<KeyBinding, 'label' | 'group'>[],
  now?: () => number,
) {
  const keyMap = new KeyMap(now)
  const runs: string[] = []
  keyMap.register(
    bindings.map((b) => ({
      label: b.keys,
      group: 'general' as const,
      ...b,
      run: (event: KeyboardEvent) => {
        runs.push(b.keys)
        b.run(event)
      },
    })),
  )
  const listener = (event: KeyboardEvent) => void keyMap.handle(event)
  document.addEventListener('keydown', listener)
  cleanups.push(() => document.removeEventListener('keydown', listener))
  return { keyMap, runs }
}

const cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup())
  document.body.replaceChildren()
})

const noop = () => {}

describe('the key map', () => {
  test('runs a single-key binding and prevents the default', () => {
    const { runs } = setup([{ keys: 'j', run: noop }])
    const event = press('j')
    expect(runs).toEqual(['j'])
    expect(event.defaultPrevented).toBe(true)
    expect(press('x').defaultPrevented).toBe(false)
  })

  test('tells Shift+A from a', () => {
    const { runs } = setup([
      { keys: 'Shift+A', run: noop },
      { keys: 'a', run: noop },
    ])
    press('A', { shiftKey: true })
    press('a')
    expect(runs).toEqual(['Shift+A', 'a'])
  })

  test('reads ? and / as the characters they type', () => {
    const { runs } = setup([
      { keys: '?', run: noop },
      { keys: '/', run: noop },
    ])
    press('?', { shiftKey: true })
    press('/')
    expect(runs).toEqual(['?', '/'])
  })

  test('runs two-key sequences, and only within the timeout', () => {
    let time = 0
    const { runs } = setup(
      [
        { keys: 'g h', run: noop },
        { keys: 'h', run: noop },
      ],
      () => time,
    )
    press('g')
    press('h')
    expect(runs).toEqual(['g h'])
    press('g')
    time += SEQUENCE_TIMEOUT_MS + 1
    press('h')
    expect(runs).toEqual(['g h', 'h'])
  })

  test.each([
    ['Ctrl', { ctrlKey: true }],
    ['Meta', { metaKey: true }],
    ['Alt', { altKey: true }],
    ['an input method composing', { isComposing: true }],
    ['keyCode 229', { keyCode: 229 }],
  ])('ignores keys with %s', (_name, init) => {
    const { runs } = setup([{ keys: 'j', run: noop }])
    const event = press('j', init)
    expect(runs).toEqual([])
    expect(event.defaultPrevented).toBe(false)
  })

  test('ignores keydown events that name no key (autofill, scripts)', () => {
    const { keyMap, runs } = setup([{ keys: 'j', run: noop }])
    const plain = new Event('keydown', { bubbles: true, cancelable: true })
    expect(keyMap.handle(plain as KeyboardEvent)).toBe(false)
    press('')
    expect(runs).toEqual([])
  })

  test.each(['input', 'textarea', 'select', 'div contenteditable'])(
    'ignores keys typed in %s',
    (tag) => {
      const { runs } = setup([{ keys: 'j', run: noop }])
      const [name, attr] = tag.split(' ')
      const field = document.createElement(name)
      if (attr) field.setAttribute(attr, 'true')
      document.body.append(field)
      press('j', {}, field)
      expect(runs).toEqual([])
    },
  )

  test.each(['dialog', 'div popover'])(
    'leaves keys pressed inside a %s to it',
    (tag) => {
      const { runs } = setup([{ keys: 'j', run: noop }])
      const [name, attr] = tag.split(' ')
      const overlay = document.createElement(name)
      if (attr) overlay.setAttribute(attr, 'auto')
      const button = document.createElement('button')
      overlay.append(button)
      document.body.append(overlay)
      expect(press('j', {}, button).defaultPrevented).toBe(false)
      expect(runs).toEqual([])
    },
  )

  test('leaves Enter on a link or button to the element itself', () => {
    const { runs } = setup([{ keys: 'Enter', run: noop }])
    const link = document.createElement('a')
    link.href = '/a/1'
    const card = document.createElement('article')
    card.tabIndex = -1
    document.body.append(link, card)
    press('Enter', {}, link)
    expect(runs).toEqual([])
    press('Enter', {}, card)
    expect(runs).toEqual(['Enter'])
  })

  test('skips bindings whose condition is false; the newest wins', () => {
    const calls: string[] = []
    const keyMap = new KeyMap()
    keyMap.register([
      {
        keys: 'n',
        label: 'old',
        group: 'article',
        run: () => calls.push('old'),
      },
    ])
    const remove = keyMap.register([
      {
        keys: 'n',
        label: 'new',
        group: 'article',
        run: () => calls.push('new'),
      },
      {
        keys: 'p',
        label: 'off',
        group: 'article',
        run: noop,
        when: () => false,
      },
    ])
    keyMap.handle(new KeyboardEvent('keydown', { key: 'n' }))
    expect(keyMap.handle(new KeyboardEvent('keydown', { key: 'p' }))).toBe(
      false,
    )
    expect(keyMap.list().map((b) => b.label)).toEqual(['new'])
    remove()
    keyMap.handle(new KeyboardEvent('keydown', { key: 'n' }))
    expect(calls).toEqual(['new', 'old'])
  })

  test('tells subscribers when bindings change', () => {
    const keyMap = new KeyMap()
    const onChange = vi.fn()
    keyMap.subscribe(onChange)
    const remove = keyMap.register([
      { keys: 'j', label: 'j', group: 'list', run: noop },
    ])
    remove()
    expect(onChange).toHaveBeenCalledTimes(2)
  })
})

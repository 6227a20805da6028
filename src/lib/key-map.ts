/**
 * The app's one key map. Features register their shortcuts here (through
 * `useKeyBindings`); one `keydown` listener on the document dispatches them
 * and the help overlay lists them. The conventions of feed readers:
 * single keys (`j`, `k`, `?`), Shift for a stronger variant (`Shift+A`),
 * and two-key sequences that start with `g` (`g h`).
 *
 * A key press never reaches a binding while the reader types in a field,
 * while an input method is composing (IME, keyCode 229), or with Ctrl,
 * Meta or Alt held (those belong to the browser and the system), nor from
 * inside a dialog or popover (which close on Esc themselves).
 */

/** Where a binding is listed in the help overlay. */
export type KeyGroup = 'general' | 'list' | 'article' | 'go'

export type KeyBinding = {
  /**
   * The key as `KeyboardEvent.key` spells it (`j`, `?`, `/`, `Enter`,
   * `Escape`), `Shift+A` for a shifted letter, or a sequence of two such
   * keys separated by a space (`g h`).
   */
  keys: string
  /** What it does, in the reader's language (shown in the help overlay). */
  label: string
  group: KeyGroup
  run: (event: KeyboardEvent) => void
  /** Whether the binding applies right now (default: always). */
  when?: () => boolean
}

type Registered = KeyBinding & { chords: string[] }

/** How long the second key of a sequence may take. */
export const SEQUENCE_TIMEOUT_MS = 1500

const EDITABLE =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]'
/** Overlays (the help dialog, the settings menu) handle their own keys. */
const OVERLAY = 'dialog, [popover]'
/** Elements whose own Enter or Space must not be taken over. */
const INTERACTIVE = 'a[href], button, summary, [role="button"], [role="link"]'

/** `Shift+A` → `A`; `shift+enter` → `Shift+Enter`; `?` stays `?`. */
export function normaliseChord(chord: string): string {
  const match = /^shift\+(.+)$/i.exec(chord)
  if (!match) return chord
  const key = match[1]
  return key.length === 1 ? key.toUpperCase() : `Shift+${key}`
}

/** The chord an event spells, in the form `normaliseChord` produces. */
export function chordOf(event: KeyboardEvent): string {
  const { key } = event
  if (key.length === 1) return key === ' ' ? 'Space' : key
  return event.shiftKey ? `Shift+${key}` : key
}

/** True when the key press belongs to a field, an IME or the system. */
export function isIgnoredKeyEvent(event: KeyboardEvent): boolean {
  // Autofill and scripts dispatch `keydown` events that name no key.
  if (typeof event.key !== 'string' || event.key === '') return true
  if (event.defaultPrevented) return true
  if (event.isComposing || event.keyCode === 229) return true
  if (event.ctrlKey || event.metaKey || event.altKey) return true
  const target = event.target
  if (!(target instanceof Element)) return false
  if (target.closest(EDITABLE) || target.closest(OVERLAY)) return true
  const chord = chordOf(event)
  return (
    (chord === 'Enter' || chord === 'Space') && !!target.closest(INTERACTIVE)
  )
}

/** A registry of bindings and the dispatcher of key presses to them. */
export class KeyMap {
  private bindings: Registered[] = []
  private pending: { chord: string; at: number } | null = null
  private listeners = new Set<() => void>()
  /** Counts changes to the registry (a snapshot for `useSyncExternalStore`). */
  version = 0

  private readonly now: () => number

  /** `now` is the clock for sequences (injectable for tests). */
  constructor(now: () => number = () => Date.now()) {
    this.now = now
  }

  /** Adds bindings; returns the function that removes them again. */
  register(bindings: readonly KeyBinding[]): () => void {
    const added = bindings.map((binding) => ({
      ...binding,
      chords: binding.keys.trim().split(/\s+/).map(normaliseChord),
    }))
    this.bindings = [...this.bindings, ...added]
    this.changed()
    return () => {
      this.bindings = this.bindings.filter((b) => !added.includes(b))
      this.changed()
    }
  }

  /** The bindings that apply now, newest registration first per key. */
  list(): KeyBinding[] {
    const seen = new Set<string>()
    const out: KeyBinding[] = []
    for (const binding of [...this.bindings].reverse()) {
      if (seen.has(binding.keys) || (binding.when && !binding.when())) continue
      seen.add(binding.keys)
      out.push(binding)
    }
    return out.reverse()
  }

  /** Calls `onChange` whenever bindings are added or removed. */
  subscribe(onChange: () => void): () => void {
    this.listeners.add(onChange)
    return () => this.listeners.delete(onChange)
  }

  /**
   * Runs the binding for `event`, if any, and prevents the browser's default
   * for it. Returns whether a binding ran (or a sequence was started).
   */
  handle(event: KeyboardEvent): boolean {
    if (isIgnoredKeyEvent(event)) {
      this.pending = null
      return false
    }
    const chord = chordOf(event)
    if (chord === 'Shift' || chord === 'CapsLock') return false
    const first = this.takePending()
    const active = this.bindings.filter((b) => !b.when || b.when())
    const match = (chords: string[]) =>
      [...active].reverse().find((b) => sameChords(b.chords, chords))
    const binding = (first && match([first, chord])) || match([chord])
    if (binding) {
      event.preventDefault()
      binding.run(event)
      return true
    }
    if (active.some((b) => b.chords.length === 2 && b.chords[0] === chord)) {
      this.pending = { chord, at: this.now() }
      return true
    }
    return false
  }

  private takePending(): string | null {
    const pending = this.pending
    this.pending = null
    if (!pending || this.now() - pending.at > SEQUENCE_TIMEOUT_MS) return null
    return pending.chord
  }

  private changed() {
    this.version += 1
    for (const listener of this.listeners) listener()
  }
}

function sameChords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((chord, i) => chord === b[i])
}

import type { KeyBinding, KeyGroup } from '@/lib/key-map'

/** The help overlay's order of groups. */
export const KEY_GROUPS: readonly KeyGroup[] = [
  'list',
  'article',
  'go',
  'general',
]

/** One row of the help overlay: what it does and the keys that do it. */
export type ShortcutRow = {
  label: string
  /** Each entry is one way to do it; each way a sequence of chords (`g h`). */
  keys: string[][]
}

/**
 * The bindings as the help overlay lists them: by group (in
 * `KEY_GROUPS` order, empty groups left out), keys with the same label
 * in one row (`o` or `Enter`), in registration order; then `extra` rows
 * of keys that are not bindings (Esc, which overlays handle themselves).
 */
export function groupBindings(
  bindings: readonly KeyBinding[],
  extra: Partial<Record<KeyGroup, ShortcutRow[]>> = {},
): { group: KeyGroup; rows: ShortcutRow[] }[] {
  return KEY_GROUPS.map((group) => {
    const rows: ShortcutRow[] = []
    for (const binding of bindings) {
      if (binding.group !== group) continue
      const chords = binding.keys.trim().split(/\s+/)
      const row = rows.find((r) => r.label === binding.label)
      if (row) row.keys.push(chords)
      else rows.push({ label: binding.label, keys: [chords] })
    }
    rows.push(...(extra[group] ?? []))
    return { group, rows }
  }).filter(({ rows }) => rows.length > 0)
}

const KEY_NAMES: Record<string, string> = {
  Escape: 'Esc',
  Backspace: '⌫ Backspace',
  ArrowUp: '↑',
  ArrowDown: '↓',
}

/** `Shift+A` → [`Shift`, `A`]; `Escape` → [`Esc`]: the caps to draw. */
export function keyCaps(chord: string): string[] {
  const shifted = /^shift\+(.+)$/i.exec(chord)
  if (shifted) return ['Shift', shifted[1].toUpperCase()]
  return [KEY_NAMES[chord] ?? chord]
}

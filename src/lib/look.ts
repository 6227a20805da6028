/**
 * The reader's choices that change the first paint: colour theme and the
 * article's type. They are kept in `localStorage` (synchronous, so the
 * render-blocking boot script can read them before anything is drawn; see
 * `src/boot.ts`) and shown as attributes on `<html>`, which the style
 * sheet reads. A missing attribute is the default, so a page without
 * JavaScript or storage looks exactly as the style sheet says.
 *
 * This module is bundled into the boot script: keep it free of imports.
 */

/** Every look setting: its storage key, `<html>` attribute and values (default first). */
export const LOOK_SETTINGS = {
  theme: {
    key: 'zixun:theme',
    attribute: 'data-theme',
    values: ['system', 'light', 'dark'],
  },
  textSize: {
    key: 'zixun:text-size',
    attribute: 'data-text-size',
    values: ['default', 'small', 'large', 'larger', 'largest'],
  },
  lineWidth: {
    key: 'zixun:line-width',
    attribute: 'data-line-width',
    values: ['normal', 'narrow', 'wide'],
  },
  bodyFont: {
    key: 'zixun:body-font',
    attribute: 'data-body-font',
    values: ['sans', 'serif'],
  },
} as const

type Settings = typeof LOOK_SETTINGS
export type LookName = keyof Settings
export type Look = { [N in LookName]: Settings[N]['values'][number] }

/** The text sizes from smallest to largest (the order the menu shows). */
export const TEXT_SIZES = [
  'small',
  'default',
  'large',
  'larger',
  'largest',
] as const

const NAMES = Object.keys(LOOK_SETTINGS) as LookName[]

/** The look of a reader who chose nothing. */
export const DEFAULT_LOOK = Object.fromEntries(
  NAMES.map((name) => [name, LOOK_SETTINGS[name].values[0]]),
) as Look

/** Whether `value` is one of the values setting `name` takes. */
export function isLookValue<N extends LookName>(
  name: N,
  value: unknown,
): value is Look[N] {
  return (LOOK_SETTINGS[name].values as readonly unknown[]).includes(value)
}

/**
 * The look stored in `storage`; a setting that is missing, unknown or
 * unreadable is its default (stored data is never trusted).
 */
export function readLook(storage: Pick<Storage, 'getItem'> | null): Look {
  const look = { ...DEFAULT_LOOK } as Record<LookName, string>
  for (const name of NAMES) {
    let value: unknown = null
    try {
      value = storage?.getItem(LOOK_SETTINGS[name].key)
    } catch {
      // Storage that throws on read (disabled, sandboxed): the default.
    }
    if (isLookValue(name, value)) look[name] = value
  }
  return look as Look
}

/** Shows `look` as attributes of `root` (`<html>`): defaults as none. */
export function applyLook(root: Element, look: Look): void {
  for (const name of NAMES) {
    const { attribute, values } = LOOK_SETTINGS[name]
    if (look[name] === values[0]) root.removeAttribute(attribute)
    else root.setAttribute(attribute, look[name])
  }
}

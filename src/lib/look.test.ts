import { describe, expect, test } from 'vitest'
import { applyLook, DEFAULT_LOOK, LOOK_SETTINGS, readLook } from './look'

function storageWith(values: Record<string, string>) {
  return { getItem: (key: string) => values[key] ?? null }
}

describe('the stored look', () => {
  test('is the default when nothing is stored, or storage is missing', () => {
    expect(readLook(storageWith({}))).toEqual(DEFAULT_LOOK)
    expect(readLook(null)).toEqual(DEFAULT_LOOK)
    expect(DEFAULT_LOOK).toEqual({
      theme: 'system',
      textSize: 'default',
      lineWidth: 'normal',
      bodyFont: 'sans',
    })
  })

  test('reads every valid choice', () => {
    const stored = storageWith({
      'zixun:theme': 'dark',
      'zixun:text-size': 'largest',
      'zixun:line-width': 'narrow',
      'zixun:body-font': 'serif',
    })
    expect(readLook(stored)).toEqual({
      theme: 'dark',
      textSize: 'largest',
      lineWidth: 'narrow',
      bodyFont: 'serif',
    })
  })

  test('ignores values it does not know, and storage that throws', () => {
    const odd = storageWith({
      'zixun:theme': 'DARK',
      'zixun:text-size': '"><script>',
      'zixun:line-width': 'wide',
    })
    expect(readLook(odd)).toEqual({ ...DEFAULT_LOOK, lineWidth: 'wide' })
    const throwing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
    }
    expect(readLook(throwing)).toEqual(DEFAULT_LOOK)
  })
})

describe('applying the look', () => {
  test('writes choices as attributes and removes defaults', () => {
    const root = document.createElement('html')
    applyLook(root, { ...DEFAULT_LOOK, theme: 'dark', textSize: 'small' })
    expect(root.getAttribute('data-theme')).toBe('dark')
    expect(root.getAttribute('data-text-size')).toBe('small')
    expect(root.hasAttribute('data-line-width')).toBe(false)
    applyLook(root, DEFAULT_LOOK)
    for (const { attribute } of Object.values(LOOK_SETTINGS)) {
      expect(root.hasAttribute(attribute)).toBe(false)
    }
  })
})

import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import {
  resetPreferencesForTests,
  setPreference,
  usePreferences,
} from './preferences'

function Probe() {
  const { preferences, persistent } = usePreferences()
  return (
    <p>
      {preferences.theme} {preferences.language ?? 'browser'}{' '}
      {persistent ? 'kept' : 'not kept'}
    </p>
  )
}

const html = document.documentElement

beforeEach(() => {
  localStorage.clear()
  resetPreferencesForTests()
})

afterEach(() => {
  act(() => {
    setPreference('theme', 'system')
    setPreference('textSize', 'default')
    setPreference('language', null)
  })
  localStorage.clear()
  resetPreferencesForTests()
})

describe('the reader’s preferences', () => {
  test('a choice is applied at once and remembered; a default is stored as nothing', () => {
    render(<Probe />)
    expect(screen.getByText('system browser kept')).toBeInTheDocument()
    act(() => setPreference('theme', 'dark'))
    expect(screen.getByText('dark browser kept')).toBeInTheDocument()
    expect(html.dataset.theme).toBe('dark')
    expect(localStorage.getItem('zixun:theme')).toBe('dark')
    act(() => setPreference('theme', 'system'))
    expect(html.hasAttribute('data-theme')).toBe(false)
    expect(localStorage.getItem('zixun:theme')).toBeNull()
  })

  test('are read from storage, refusing values they do not know', () => {
    localStorage.setItem('zixun:language', 'en')
    localStorage.setItem('zixun:theme', 'blue')
    render(<Probe />)
    expect(screen.getByText('system en kept')).toBeInTheDocument()
    expect(() => setPreference('textSize', 'huge' as 'large')).toThrow(/huge/)
    expect(() => setPreference('language', 'fr' as 'en')).toThrow(/fr/)
  })

  test('follow a change made in another tab', () => {
    render(<Probe />)
    localStorage.setItem('zixun:theme', 'light')
    localStorage.setItem('zixun:language', 'zh-CN')
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: 'zixun:theme' }))
    })
    expect(screen.getByText('light zh-CN kept')).toBeInTheDocument()
    expect(html.dataset.theme).toBe('light')
  })

  test('still apply for the page when the browser will not store them, and say so', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    render(<Probe />)
    act(() => setPreference('theme', 'dark'))
    expect(screen.getByText('dark browser not kept')).toBeInTheDocument()
    expect(html.dataset.theme).toBe('dark')
  })
})

import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { useMessages } from '@/lib/locale'
import { resetPreferencesForTests, setPreference } from '@/lib/preferences'
import { TestLocale } from '@/testing/test-locale'
import { SettingsPanel } from './settings-panel'

function Panel({ onShowShortcuts = () => {} }) {
  const messages = useMessages()
  return (
    <>
      <p>{messages.all}</p>
      <SettingsPanel onShowShortcuts={onShowShortcuts} />
    </>
  )
}

const html = document.documentElement

afterEach(() => {
  act(() => {
    for (const [name, value] of [
      ['theme', 'system'],
      ['textSize', 'default'],
      ['lineWidth', 'normal'],
      ['bodyFont', 'sans'],
      ['language', null],
    ] as const) {
      setPreference(name, value as never)
    }
  })
  localStorage.clear()
  resetPreferencesForTests()
})

describe('the settings menu', () => {
  test('each look choice applies to the page at once and is remembered', async () => {
    const user = userEvent.setup()
    render(<Panel />, { wrapper: TestLocale })
    const theme = screen.getByRole('group', { name: 'Theme' })
    expect(within(theme).getByRole('radio', { name: 'System' })).toBeChecked()
    await user.click(within(theme).getByRole('radio', { name: 'Dark' }))
    expect(html).toHaveAttribute('data-theme', 'dark')
    const size = screen.getByRole('group', { name: 'Text size' })
    expect(within(size).getAllByRole('radio')).toHaveLength(5)
    await user.click(within(size).getByRole('radio', { name: 'Largest' }))
    await user.click(screen.getByRole('radio', { name: 'Narrow' }))
    await user.click(screen.getByRole('radio', { name: 'Serif' }))
    expect(html).toHaveAttribute('data-text-size', 'largest')
    expect(html).toHaveAttribute('data-line-width', 'narrow')
    expect(html).toHaveAttribute('data-body-font', 'serif')
    expect({ ...localStorage }).toEqual({
      'zixun:theme': 'dark',
      'zixun:text-size': 'largest',
      'zixun:line-width': 'narrow',
      'zixun:body-font': 'serif',
    })
  })

  test('the language switch changes the interface and <html lang>, and is remembered', async () => {
    const user = userEvent.setup()
    render(<Panel />, { wrapper: TestLocale })
    expect(screen.getByText('All')).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: '中文' }))
    expect(screen.getByText('全部')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: '语言' })).toBeInTheDocument()
    expect(html.lang).toBe('zh-CN')
    expect(localStorage.getItem('zixun:language')).toBe('zh-CN')
    await user.click(screen.getByRole('radio', { name: 'English' }))
    expect(html.lang).toBe('en')
  })

  test('says when the browser will not keep the choices', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    const user = userEvent.setup()
    render(<Panel />, { wrapper: TestLocale })
    expect(screen.queryByRole('status')).toBeNull()
    await user.click(screen.getByRole('radio', { name: 'Light' }))
    expect(screen.getByRole('status')).toHaveTextContent(
      /does not let Zixun store settings/,
    )
    expect(html).toHaveAttribute('data-theme', 'light')
  })

  test('opens the keyboard shortcuts', async () => {
    const onShowShortcuts = vi.fn()
    const user = userEvent.setup()
    render(<Panel onShowShortcuts={onShowShortcuts} />, { wrapper: TestLocale })
    await user.click(screen.getByRole('button', { name: /Keyboard shortcuts/ }))
    expect(onShowShortcuts).toHaveBeenCalledOnce()
  })
})

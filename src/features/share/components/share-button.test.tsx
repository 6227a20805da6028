import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, onTestFinished, test, vi } from 'vitest'
import { TestLocale } from '@/testing/test-locale'
import { ShareButton } from './share-button'

const title = '华为 <全屋> & "智能"'
const expectedUrl = `${window.location.origin}/a/fixture-2`

function setShare(share: Navigator['share'] | undefined) {
  Object.defineProperty(navigator, 'share', {
    value: share,
    configurable: true,
    writable: true,
  })
}

afterEach(() => setShare(undefined))

describe('the share button', () => {
  test('copies the canonical link and says so', async () => {
    const user = userEvent.setup()
    render(<ShareButton title={title} href="/a/fixture-2" />, {
      wrapper: TestLocale,
    })
    await user.click(screen.getByRole('button', { name: 'Share' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Link copied')
    expect(await navigator.clipboard.readText()).toBe(expectedUrl)
  })

  test('opens the system share sheet where the browser has one', async () => {
    const share = vi.fn().mockResolvedValue(undefined)
    setShare(share)
    const user = userEvent.setup()
    render(<ShareButton title={title} href="/a/fixture-2" />, {
      wrapper: TestLocale,
    })
    await user.click(screen.getByRole('button', { name: 'Share' }))
    expect(share).toHaveBeenCalledWith({ title, url: expectedUrl })
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  test('shows the link selected in a field when it cannot copy', async () => {
    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard')
    Object.defineProperty(navigator, 'clipboard', {
      value: undefined,
      configurable: true,
    })
    onTestFinished(() => {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard)
      else Reflect.deleteProperty(navigator, 'clipboard')
    })
    render(<ShareButton title={title} href="/a/fixture-2" />, {
      wrapper: TestLocale,
    })
    fireEvent.click(screen.getByRole('button', { name: 'Share' }))
    const field = await screen.findByRole('textbox', { name: 'Link to share' })
    expect(field).toHaveValue(expectedUrl)
    expect(field).toHaveAttribute('readonly')
    const input = field as HTMLInputElement
    expect([input.selectionStart, input.selectionEnd]).toEqual([
      0,
      expectedUrl.length,
    ])
  })

  test('the compact variant names the article it shares', () => {
    render(<ShareButton title={title} href="/a/fixture-2" compact />, {
      wrapper: TestLocale,
    })
    expect(
      screen.getByRole('button', { name: `Share: ${title}` }),
    ).toBeInTheDocument()
  })
})

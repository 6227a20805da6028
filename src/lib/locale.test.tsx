import { act, render, screen, waitFor } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { hydrateRoot } from 'react-dom/client'
import { afterEach, describe, expect, test } from 'vitest'
import { DEFAULT_LANGUAGE, pickLanguage } from '@/config/languages'
import type { Language } from '@/config/languages'
import { formatLocalDate } from './format-date'
import { LocaleProvider, useFormatDate, useMessages } from './locale'
import { HydratedProvider } from './use-hydrated'

const ISO = '2026-11-20T08:05:00Z'

function Probe() {
  const messages = useMessages()
  const formatDate = useFormatDate()
  return (
    <p>
      {messages.all} <time dateTime={ISO}>{formatDate(ISO)}</time>
    </p>
  )
}

// Under a HydratedProvider, as in the app: it tells a server render and
// hydration from a client render.
function app(language: Language) {
  return (
    <HydratedProvider>
      <LocaleProvider language={language}>
        <Probe />
      </LocaleProvider>
    </HydratedProvider>
  )
}

afterEach(() => {
  document.documentElement.lang = DEFAULT_LANGUAGE
})

describe('the interface language', () => {
  test.each([
    [['zh-CN', 'en-US'], 'zh-CN'],
    [['zh-TW'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'de', 'zh'], 'zh-CN'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ] as const)('the browser’s %j gives %s', (languages, expected) => {
    expect(pickLanguage(languages)).toBe(expected)
  })

  test('the app in the browser speaks the reader’s language, with local dates', () => {
    render(app('en'))
    expect(screen.getByText(/^All/)).toBeInTheDocument()
    expect(screen.getByRole('time')).toHaveTextContent(
      formatLocalDate(ISO, 'en'),
    )
    expect(document.documentElement.lang).toBe('en')
  })

  test('on the server it is the site’s language with fixed UTC dates, whatever the reader’s', () => {
    const html = renderToString(app('en'))
    expect(DEFAULT_LANGUAGE).toBe('zh-CN')
    expect(html).toContain('全部')
    expect(html).toContain('2026-11-20 08:05 UTC')
  })

  test('hydration keeps the server’s markup, then switches to the reader’s language', async () => {
    const container = document.createElement('div')
    container.innerHTML = renderToString(app('en'))
    document.body.append(container)
    const time = container.querySelector('time')
    const errors: unknown[] = []
    const root = await act(async () =>
      hydrateRoot(container, app('en'), {
        onRecoverableError: (error) => errors.push(error),
      }),
    )
    expect(errors).toEqual([])
    // Hydration's task (its commit and effects) ends with the server's
    // markup: the switch comes in a task of its own (decision 031).
    expect(container).toHaveTextContent(/^全部/)
    await waitFor(() => expect(container).toHaveTextContent(/^All/))
    // The same element, so React reused the markup rather than redrawing it.
    expect(container.querySelector('time')).toBe(time)
    expect(time).toHaveTextContent(formatLocalDate(ISO, 'en'))
    expect(document.documentElement.lang).toBe('en')
    act(() => root.unmount())
    container.remove()
  })
})

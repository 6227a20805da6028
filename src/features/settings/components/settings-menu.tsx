import { lazy, Suspense, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { useMessages } from '@/lib/locale'
import { StableText } from '@/components/stable-text'

// The controls load when the menu first opens: not on the first screen.
const SettingsPanel = lazy(() =>
  import('./settings-panel').then((m) => ({ default: m.SettingsPanel })),
)

const PANEL_ID = 'settings-panel'

export type SettingsMenuProps = {
  /** Opens the keyboard shortcuts overlay (the menu closes first). */
  onShowShortcuts: () => void
  /** More settings composed by the app (reading settings), below the look. */
  children?: ReactNode
}

/**
 * The header's settings button and its menu: theme, type, language, more
 * settings from other features, and the keyboard shortcuts. A popover
 * (light dismiss, Esc, focus back to the button), so it also opens before
 * the app has started on a prerendered page.
 */
export function SettingsMenu({ onShowShortcuts, children }: SettingsMenuProps) {
  const messages = useMessages()
  const panel = useRef<HTMLDivElement>(null)
  const [opened, setOpened] = useState(false)
  return (
    <>
      <button
        type="button"
        className="settings-button"
        popoverTarget={PANEL_ID}
        aria-haspopup="dialog"
      >
        <svg
          className="settings-icon"
          viewBox="0 0 24 24"
          width="20"
          height="20"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M4 7h10M18 7h2M4 17h2M10 17h10" />
          <circle cx="16" cy="7" r="2" />
          <circle cx="8" cy="17" r="2" />
        </svg>
        <span className="settings-label">
          <StableText text={(m) => m.settings} />
        </span>
      </button>
      <div
        ref={panel}
        id={PANEL_ID}
        popover="auto"
        role="dialog"
        aria-label={messages.settings}
        className="settings-panel"
        onToggle={(event) => {
          if (event.newState === 'open') setOpened(true)
        }}
      >
        {opened && (
          <Suspense fallback={<p className="list-state">{messages.loading}</p>}>
            <SettingsPanel
              onShowShortcuts={() => {
                panel.current?.hidePopover?.()
                onShowShortcuts()
              }}
            >
              {children}
            </SettingsPanel>
          </Suspense>
        )}
      </div>
    </>
  )
}

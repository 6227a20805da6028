import { Fragment, useEffect, useRef, useState } from 'react'
import { useMessages } from '@/lib/locale'
import { useActiveKeyBindings } from '@/lib/use-key-bindings'
import { groupBindings, keyCaps, type ShortcutRow } from '../group-bindings'

export type ShortcutsDialogProps = {
  onClose: () => void
}

/**
 * The help overlay: every key that works on this view (from the key map,
 * so it is always complete), grouped, in the reader's language. A modal
 * dialog: focus moves in, Esc, the Close button or a click beside it
 * closes it, and focus returns to where it was.
 */
export function ShortcutsDialog({ onClose }: ShortcutsDialogProps) {
  const messages = useMessages()
  const groups = groupBindings(useActiveKeyBindings(), {
    general: [{ label: messages.keys.closeOverlays, keys: [['Escape']] }],
  })
  const dialog = useRef<HTMLDialogElement>(null)
  // Read before the Close button takes focus (autoFocus, on commit).
  const [opener] = useState(() => document.activeElement)
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    // Browsers without modal dialogs (and jsdom) get an open one.
    if (typeof element.showModal === 'function') element.showModal()
    else element.setAttribute('open', '')
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) {
        opener.focus({ preventScroll: true })
      }
    }
  }, [opener])
  return (
    <dialog
      ref={dialog}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div className="shortcuts-body">
        <header className="shortcuts-header">
          <h2 id="shortcuts-title">{messages.keyboardShortcuts}</h2>
          <button type="button" onClick={onClose} autoFocus>
            {messages.close}
          </button>
        </header>
        {groups.map(({ group, rows }) => (
          <section key={group} aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`}>{messages.keyGroups[group]}</h3>
            <dl>
              {rows.map((row) => (
                <div key={row.label} className="shortcut">
                  <dt>
                    <Keys row={row} />
                  </dt>
                  <dd>{row.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  )
}

/** `o` or `Enter`; `g` then `h`; `Shift` + `A`. */
function Keys({ row }: { row: ShortcutRow }) {
  const messages = useMessages()
  return row.keys.map((sequence, i) => (
    <Fragment key={sequence.join(' ')}>
      {i > 0 && <span className="key-joiner"> {messages.keyOr} </span>}
      {sequence.map((chord, j) => (
        <Fragment key={chord}>
          {j > 0 && <span className="key-joiner"> {messages.keyThen} </span>}
          {keyCaps(chord).map((cap, k) => (
            <Fragment key={cap}>
              {k > 0 && '+'}
              <kbd>{cap}</kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </Fragment>
  ))
}

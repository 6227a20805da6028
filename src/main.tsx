import { AFTER_PAINT_HINT, HINTS_RELEASED_MARK } from './config/shell'
import { startOffline } from './features/offline/start-offline'
import './styles/app.css'
import './styles/reading.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// Which deployment this tab runs (an old tab keeps its own after an update).
document.documentElement.dataset.version = __ZIXUN_VERSION__

/** Lets the browser paint and handle input before the next step. */
const yieldToBrowser = () =>
  new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * Once the page has painted: at its second frame. A page that is not
 * shown (a tab opened in the background) runs no frames; it goes on at
 * once, or as soon as it is hidden.
 */
const afterFirstPaint = () =>
  new Promise<void>((resolve) => {
    if (document.visibilityState === 'hidden') return resolve()
    document.addEventListener('visibilitychange', () => resolve(), {
      once: true,
    })
    // The frame after the first: by then the first has been presented.
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()))
  })

/** Asks for the code and data a prerendered page held back until it painted. */
function releaseHints() {
  performance.mark(HINTS_RELEASED_MARK)
  const held = document.querySelectorAll(`link[${AFTER_PAINT_HINT}]`)
  for (const link of held) {
    link.setAttribute('rel', link.getAttribute(AFTER_PAINT_HINT) ?? '')
    link.removeAttribute(AFTER_PAINT_HINT)
  }
}

// The entry is only this: the frameworks and the app are evaluated in
// separate tasks (a statically imported graph runs in one), each short
// enough on a slow phone not to block a tap. Their files are preloaded
// by the page (a prerendered page's once it has painted), so the steps
// wait for little download (decisions 027, 030).
async function startApp(element: HTMLElement) {
  // A prerendered page is there to be read before the app runs: its text
  // has the network to itself until it has painted (decision 030).
  if (element.hasChildNodes()) {
    await afterFirstPaint()
    releaseHints()
  }
  await yieldToBrowser()
  await import('react-dom/client')
  await yieldToBrowser()
  const { start } = await import('./app/start')
  start(element)
}
// Listens to the service worker from the first moment: what it says about
// the network while the page starts (the server did not answer) is not
// lost while the frameworks load.
startOffline()
void startApp(root)

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

// The entry is only this: the frameworks and the app are evaluated in
// separate tasks (a statically imported graph runs in one), each short
// enough on a slow phone not to block a tap. Their files are preloaded
// by the page, so the steps wait for no download (decision 027).
async function startApp(element: HTMLElement) {
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

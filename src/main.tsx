import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App, matchesPrerenderedPage, whenRouterReady } from './app/app'
import { startOffline } from './features/offline/start-offline'
import './styles/app.css'
import './styles/reading.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const app = (
  <StrictMode>
    <App />
  </StrictMode>
)

// A prerendered page (a list's first screen, `a/<id>/index.html`) holds
// the markup the app draws first from the same data: hydrate it once the
// route's code and data are in, as a transition, so React yields to the
// browser between components instead of blocking it. If the route failed
// (an article removed since the build) or will render something else (a
// query, a list restored deeper), its own render replaces the page.
if (root.hasChildNodes()) {
  void whenRouterReady().then(({ failed }) => {
    if (failed || !matchesPrerenderedPage()) createRoot(root).render(app)
    else startTransition(() => void hydrateRoot(root, app))
  })
} else {
  createRoot(root).render(app)
}

// Which deployment this tab runs (an old tab keeps its own after an update).
document.documentElement.dataset.version = __ZIXUN_VERSION__
startOffline()

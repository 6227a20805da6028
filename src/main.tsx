import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App, whenRouterReady } from './app/app'
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

// A prerendered page (`a/<id>/index.html`) holds the markup the app draws
// first from the same data: hydrate it once the route's code and data are
// in. If the route failed (an article removed since the build), its error
// view replaces the page instead.
if (root.hasChildNodes()) {
  void whenRouterReady().then(({ failed }) => {
    if (failed) createRoot(root).render(app)
    else hydrateRoot(root, app)
  })
} else {
  createRoot(root).render(app)
}

// Which deployment this tab runs (an old tab keeps its own after an update).
document.documentElement.dataset.version = __ZIXUN_VERSION__
startOffline()

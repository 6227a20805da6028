import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App, matchesPrerenderedPage, whenRouterReady } from './app'

/**
 * Starts the app in `root` (loaded by `main.tsx` after the first paint).
 * A prerendered page (a list's first screen, `a/<id>/index.html`) holds
 * the markup the app draws first from the same data: it is hydrated once
 * the route's code and data are in, as a transition, so React yields to
 * the browser between components instead of blocking it. If the route
 * failed (an article removed since the build) or will render something
 * else (a query, a list restored deeper), its own render replaces the page.
 */
export function start(root: HTMLElement): void {
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  )
  if (root.hasChildNodes()) {
    void whenRouterReady().then(({ failed }) => {
      if (failed || !matchesPrerenderedPage()) createRoot(root).render(app)
      else startTransition(() => void hydrateRoot(root, app))
    })
  } else {
    createRoot(root).render(app)
  }
}

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, whenRouterReady } from './app/app'
import './styles/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )

// A prerendered article page (`a/<id>/index.html`) already shows the
// headline: keep it until the route is ready, then replace it in one go.
if (root.hasChildNodes()) void whenRouterReady().then(render)
else render()

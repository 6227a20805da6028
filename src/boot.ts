/**
 * The render-blocking boot script (`<script src>` in the head of every
 * page, built by scripts/vite/boot-script-plugin.ts): shows the stored
 * theme and type on `<html>` before the first paint, so a reader who
 * chose dark never sees a light page flash. No inline script: the CSP
 * allows scripts of our own origin only.
 */
import { applyLook, readLook } from './lib/look'

let storage: Storage | null = null
try {
  storage = window.localStorage
} catch {
  // Storage disabled: the defaults, as the style sheet has them.
}
applyLook(document.documentElement, readLook(storage))
// The app will run: parts it fills in may wait for it (styles/app.css).
document.documentElement.setAttribute('data-js', '')

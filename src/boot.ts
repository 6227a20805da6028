/**
 * The render-blocking boot script (`<script src>` in the head of every
 * page, built by scripts/vite/boot-script-plugin.ts): shows the stored
 * theme and type on `<html>` before the first paint, so a reader who
 * chose dark never sees a light page flash. No inline script: the CSP
 * allows scripts of our own origin only.
 */
import { readerLanguage, readStoredLanguage } from './config/languages'
import { applyLook, readLook } from './lib/look'

let storage: Storage | null = null
try {
  storage = window.localStorage
} catch {
  // Storage disabled: the defaults, as the style sheet has them.
}
applyLook(document.documentElement, readLook(storage))
// The language the interface will speak, set while <html> has no content
// yet: changed later, the whole page's style is invalidated in one long
// task (decision 029). Until the app switches, the prerendered labels are
// in the site's language under it.
document.documentElement.lang = readerLanguage(
  readStoredLanguage(storage),
  navigator.languages,
)
// The app will run: parts it fills in may wait for it (styles/app.css).
document.documentElement.setAttribute('data-js', '')

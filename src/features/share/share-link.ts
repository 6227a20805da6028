/**
 * The absolute link to share for a reader path such as `/a/<id>`: the
 * canonical article URL on the site the reader is using.
 */
export function buildShareUrl(
  href: string,
  origin: string = window.location.origin,
): string {
  return new URL(href, origin).toString()
}

export type ShareData = { title: string; url: string }

/** What happened: sent to the system share sheet, copied, or neither. */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'manual'

export type ShareNavigator = {
  share?: (data: ShareData) => Promise<void>
  clipboard?: Pick<Clipboard, 'writeText'>
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/**
 * Shares `data` the best way the browser allows: the Web Share API where
 * it exists (`cancelled` when the reader closes the sheet), else the
 * clipboard, else `manual` — the caller then shows the link to copy by
 * hand. A share sheet that fails for another reason (no user activation,
 * blocked by policy) falls back to the clipboard.
 */
export async function shareOrCopy(
  data: ShareData,
  nav: ShareNavigator = navigator,
): Promise<ShareOutcome> {
  if (typeof nav.share === 'function') {
    try {
      await nav.share({ title: data.title, url: data.url })
      return 'shared'
    } catch (error) {
      if (isAbort(error)) return 'cancelled'
    }
  }
  if (typeof nav.clipboard?.writeText === 'function') {
    try {
      await nav.clipboard.writeText(data.url)
      return 'copied'
    } catch {
      return 'manual'
    }
  }
  return 'manual'
}

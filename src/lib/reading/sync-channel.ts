import type { ReadOp } from './read-state'
import type { SavedArticle } from './saved-article'

/** What one tab tells the others after it changed (and stored) the state. */
export type SyncMessage =
  | { kind: 'read'; ops: ReadOp[] }
  | { kind: 'saved'; article: SavedArticle }
  | { kind: 'unsaved'; id: string }
  /** Everything changed (import, clear): read it all again. */
  | { kind: 'reload' }

export type SyncChannel = {
  post(message: SyncMessage): void
  close(): void
}

export const CHANNEL_NAME = 'zixun:reading'

/**
 * The tabs of this site talk over one BroadcastChannel; a tab never hears
 * its own messages. Without BroadcastChannel, tabs stay apart.
 */
export function openSyncChannel(
  onMessage: (message: SyncMessage) => void,
  name = CHANNEL_NAME,
): SyncChannel {
  if (typeof BroadcastChannel === 'undefined') {
    return { post: () => {}, close: () => {} }
  }
  const channel = new BroadcastChannel(name)
  channel.onmessage = (event: MessageEvent<SyncMessage>) => {
    if (isSyncMessage(event.data)) onMessage(event.data)
  }
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  }
}

function isSyncMessage(value: unknown): value is SyncMessage {
  const kind = (value as { kind?: unknown } | null)?.kind
  return (
    kind === 'read' ||
    kind === 'saved' ||
    kind === 'unsaved' ||
    kind === 'reload'
  )
}

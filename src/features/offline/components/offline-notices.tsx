import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useMessages } from '@/lib/locale'
import { reloadIntoUpdate, updateOfflineState } from '../offline-state'
import { useOfflineState } from '../use-offline-state'

/**
 * The quiet banners of the offline feature, for the header's notices
 * region: offline (it goes by itself, and lists refresh, when the server
 * answers again), a new version with Reload (the reader chooses when),
 * and storage that ran out. Nothing on the server or while hydrating.
 */
export function OfflineNotices() {
  const messages = useMessages()
  const { online, updateReady, evicted, keepFailed } = useOfflineState()
  const queryClient = useQueryClient()
  const wasOnline = useRef(online)
  useEffect(() => {
    if (online && !wasOnline.current) void queryClient.invalidateQueries()
    wasOnline.current = online
  }, [online, queryClient])
  return (
    <>
      <p role="status" className="notice notice-offline">
        {online ? '' : messages.offlineBanner}
      </p>
      <div role="status" className="notice notice-update">
        {updateReady && (
          <>
            <span>{messages.updateReady}</span>
            <button type="button" onClick={reloadIntoUpdate}>
              {messages.reload}
            </button>
          </>
        )}
      </div>
      {evicted && (
        <div role="status" className="notice">
          <span>
            {messages.storageEvicted(evicted.articles, evicted.images)}
          </span>
          <button
            type="button"
            onClick={() => updateOfflineState({ evicted: null })}
          >
            {messages.dismiss}
          </button>
        </div>
      )}
      {keepFailed > 0 && (
        <div role="status" className="notice">
          <span>{messages.keepFailed(keepFailed)}</span>
          <button
            type="button"
            onClick={() => updateOfflineState({ keepFailed: 0 })}
          >
            {messages.dismiss}
          </button>
        </div>
      )}
    </>
  )
}

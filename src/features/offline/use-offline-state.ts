import { useHydratedStore } from '@/lib/use-hydrated'
import {
  INITIAL_OFFLINE_STATE,
  readOfflineState,
  subscribeOfflineState,
  type OfflineState,
} from './offline-state'

/**
 * The offline state in a component. The server, hydration and the render
 * before the switch after hydration see the initial state (online, no
 * update), so prerendered markup never differs. A module of its own: the
 * store is part of the entry, which holds no React (decision 031).
 */
export function useOfflineState(): OfflineState {
  return useHydratedStore(
    subscribeOfflineState,
    readOfflineState,
    () => INITIAL_OFFLINE_STATE,
  )
}

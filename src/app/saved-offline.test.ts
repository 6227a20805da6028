import { expect, test, vi } from 'vitest'
import {
  keepSavedArticlesOffline,
  type SavedKeeper,
  type SavedSource,
} from './saved-offline'

type Listener = Parameters<SavedSource['onSavedChange']>[0]

function fakes(saved: string[]) {
  let listener: Listener = () => {}
  const source: SavedSource = {
    savedArticles: () => saved.map((id) => ({ id })),
    onSavedChange: (next) => {
      listener = next
      return () => (listener = () => {})
    },
  }
  const keeper = {
    keepSavedOffline: vi.fn(async () => {}),
    reconcileSavedOffline: vi.fn(async () => {}),
    releaseSavedOffline: vi.fn(async () => {}),
    askForPersistentStorage: vi.fn(async () => true),
  } satisfies SavedKeeper
  return {
    source,
    keeper,
    emit: (change: Parameters<Listener>[0]) => listener(change),
  }
}

test('saving keeps the article offline and asks for persistent storage once; unsaving frees it', async () => {
  const { source, keeper, emit } = fakes([])
  const stop = keepSavedArticlesOffline(source, async () => keeper)
  expect(keeper.reconcileSavedOffline).not.toHaveBeenCalled()
  emit({ type: 'saved', article: { id: 'a1' } })
  emit({ type: 'saved', article: { id: 'a2' } })
  emit({ type: 'unsaved', id: 'a1' })
  await vi.waitFor(() =>
    expect(keeper.keepSavedOffline).toHaveBeenCalledTimes(2),
  )
  expect(keeper.keepSavedOffline.mock.calls).toEqual([[['a1']], [['a2']]])
  expect(keeper.askForPersistentStorage).toHaveBeenCalledTimes(1)
  await vi.waitFor(() =>
    expect(keeper.releaseSavedOffline).toHaveBeenCalledWith(['a1']),
  )
  stop()
  emit({ type: 'saved', article: { id: 'a3' } })
  await new Promise((resolve) => setTimeout(resolve))
  expect(keeper.keepSavedOffline).toHaveBeenCalledTimes(2)
})

test('at start the shelf is made to hold exactly the saved articles; a reader who saved before is not asked again', async () => {
  const { source, keeper, emit } = fakes(['a1', 'a2'])
  keepSavedArticlesOffline(source, async () => keeper)
  await vi.waitFor(() =>
    expect(keeper.reconcileSavedOffline).toHaveBeenCalledWith(['a1', 'a2']),
  )
  emit({ type: 'saved', article: { id: 'a3' } })
  await vi.waitFor(() =>
    expect(keeper.keepSavedOffline).toHaveBeenCalledWith(['a3']),
  )
  expect(keeper.askForPersistentStorage).not.toHaveBeenCalled()
})

import { expect, test } from 'vitest'
import { BUILD_MANIFEST } from '../prerender/test-data.ts'
import { firstLoadAssets } from './first-load.ts'

test('the first load of / is the entry, the app’s start, the root and list routes and what they import', () => {
  const manifest = {
    ...BUILD_MANIFEST,
    'index.html': { ...BUILD_MANIFEST['index.html'], css: ['assets/a.css'] },
    'src/app/routes/article-list.tsx': {
      ...BUILD_MANIFEST['src/app/routes/article-list.tsx'],
      css: ['assets/a.css', 'assets/list.css'],
    },
  }
  const assets = firstLoadAssets(manifest)
  expect(assets.js.sort()).toEqual(
    [
      'assets/index-abc123.js',
      'assets/react-xyz.js',
      'assets/start-s1.js',
      'assets/root-r1.js',
      'assets/queries-q1.js',
      'assets/article-list-l1.js',
    ].sort(),
  )
  // The article route is not loaded for /.
  expect(assets.js).not.toContain('assets/article-detail-d1.js')
  expect(assets.css).toEqual(['assets/a.css', 'assets/list.css'])
})

import { expect, test } from 'vitest'
import { dataLoadedSoFar } from './warm-caches'

const entry = (name: string) => ({ name }) as PerformanceEntry

test('the data files of our origin the page loaded, once each', () => {
  expect(
    dataLoadedSoFar(
      [
        entry('https://site.example/data/manifest.json'),
        entry('https://site.example/data/pages/all/abc/1.json'),
        entry('https://site.example/data/manifest.json'),
        entry('https://site.example/assets/index-1.js'),
        entry('https://img.example/data/photo.jpg'),
      ],
      'https://site.example',
    ),
  ).toEqual([
    'https://site.example/data/manifest.json',
    'https://site.example/data/pages/all/abc/1.json',
  ])
})

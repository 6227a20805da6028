import path from 'node:path'
import { sharedPaths } from '../shared-data.ts'

const cache = path.resolve(import.meta.dirname, '../../.cache/e2e')

/** Inputs and outputs of the end-to-end build. */
export const e2eDirs = {
  inputs: [sharedPaths.posts],
  data: path.join(cache, 'data'),
  dist: path.join(cache, 'dist'),
}

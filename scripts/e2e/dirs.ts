import path from 'node:path'

/** Where the shared test data lives: `../shared` beside the repository. */
export const sharedDir = path.resolve(
  process.env.ZIXUN_SHARED_DIR ??
    path.join(import.meta.dirname, '../../../shared'),
)

const cache = path.resolve(import.meta.dirname, '../../.cache/e2e')

/** Inputs and outputs of the end-to-end build. */
export const e2eDirs = {
  inputs: [path.join(sharedDir, 'corpus/posts')],
  data: path.join(cache, 'data'),
  dist: path.join(cache, 'dist'),
}

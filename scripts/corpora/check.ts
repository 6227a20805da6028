/**
 * The first step of `npm run test:corpora`: says which shared data the
 * suite reads and how much of it, or exits 1 saying where to put it.
 */
import process from 'node:process'
import {
  inspectSharedData,
  missingSharedDataMessage,
  sharedDir,
  sharedPaths,
} from '../shared-data.ts'

const found = inspectSharedData()
if (!found.ok) {
  console.error(missingSharedDataMessage(found.missing))
  process.exit(1)
}
console.log(
  `corpora: reading ${sharedDir}: ${found.posts} posts in ${sharedPaths.posts}, ` +
    `${found.fixtures} XSS payloads in ${sharedPaths.xssFixtures}`,
)

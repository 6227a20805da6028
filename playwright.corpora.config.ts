import { e2eConfig } from './scripts/e2e/playwright-config.ts'
import {
  inspectSharedData,
  missingSharedDataMessage,
  sharedDir,
} from './scripts/shared-data.ts'

// The browser half of `npm run test:corpora`: the same journeys over data
// that is not ours (ZIXUN_SHARED_DIR, default ../shared): the real posts
// and DOMPurify's fixtures. Stops with where to put the data when missing.
const found = inspectSharedData()
if (!found.ok) throw new Error(missingSharedDataMessage(found.missing))
// Once, in the runner (workers load this file too).
if (process.env.TEST_WORKER_INDEX === undefined) {
  console.log(
    `corpora e2e: ${found.posts} posts and ${found.fixtures} XSS fixtures from ${sharedDir}`,
  )
}

export default e2eConfig({
  testDir: 'tests/corpora/e2e',
  corpus: 'shared',
  xss: 'all',
})

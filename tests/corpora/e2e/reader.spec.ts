import { test } from '../../e2e/support/fixtures'
import { readerJourney } from '../../e2e/journeys/reader'

// On the real posts of the shared corpus (ZIXUN_SHARED_DIR, default ../shared).
test.describe('shared corpus', () => readerJourney('shared'))

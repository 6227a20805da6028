import { test } from '../../e2e/support/fixtures'
import { searchJourney } from '../../e2e/journeys/search'

// On the real posts of the shared corpus (ZIXUN_SHARED_DIR, default ../shared).
test.describe('shared corpus', () => searchJourney('shared'))

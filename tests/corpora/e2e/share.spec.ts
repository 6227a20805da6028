import { test } from '../../e2e/support/fixtures'
import { shareJourney } from '../../e2e/journeys/share'

// On the real posts of the shared corpus (ZIXUN_SHARED_DIR, default ../shared).
test.describe('shared corpus', () => shareJourney('shared'))

import { test } from '../../e2e/support/fixtures'
import { hostingJourney } from '../../e2e/journeys/hosting'

// On the real posts of the shared corpus (ZIXUN_SHARED_DIR, default ../shared).
test.describe('shared corpus', () => hostingJourney('shared'))

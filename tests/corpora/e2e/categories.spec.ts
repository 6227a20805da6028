import { test } from '../../e2e/support/fixtures'
import { categoriesJourney } from '../../e2e/journeys/categories'

// On the real posts of the shared corpus (ZIXUN_SHARED_DIR, default ../shared).
test.describe('shared corpus', () => categoriesJourney('shared'))

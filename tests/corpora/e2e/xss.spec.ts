import { test } from '../../e2e/support/fixtures'
import { xssJourney } from '../../e2e/journeys/xss'

// DOMPurify's 223 fixtures (ZIXUN_SHARED_DIR, default ../shared) and ours.
test.describe('DOMPurify fixtures and ours', () => xssJourney('all'))

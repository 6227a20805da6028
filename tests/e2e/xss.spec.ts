import { test } from './support/fixtures'
import { xssJourney } from './journeys/xss'

// Zixun's own attack cases (scripts/e2e/xss-payloads.ts).
test.describe('our payloads', () => xssJourney('own'))

import { test } from './support/fixtures'
import { hostingJourney } from './journeys/hosting'

// On the generated demo corpus (scripts/e2e/corpora.ts): every quirk of
// real aggregated posts, made by the project itself.
test.describe('demo corpus', () => hostingJourney('demo'))

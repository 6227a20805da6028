import { test } from './support/fixtures'
import { shareJourney } from './journeys/share'

// On the generated demo corpus (scripts/e2e/corpora.ts): every quirk of
// real aggregated posts, made by the project itself.
test.describe('demo corpus', () => shareJourney('demo'))

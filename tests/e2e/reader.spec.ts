import { test } from './support/fixtures'
import { readerJourney } from './journeys/reader'

// On the generated demo corpus (scripts/e2e/corpora.ts): every quirk of
// real aggregated posts, made by the project itself.
test.describe('demo corpus', () => readerJourney('demo'))

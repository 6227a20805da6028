import { test } from './support/fixtures'
import { searchJourney } from './journeys/search'

// On the generated demo corpus: search as a reader uses it.
test.describe('demo corpus', () => searchJourney('demo'))

import { e2eConfig } from './scripts/e2e/playwright-config.ts'

// `npm run test:e2e`: journeys over data the project makes itself (the
// generated demo corpus, our own XSS payloads); passes on any fresh clone.
export default e2eConfig({ testDir: 'tests/e2e', corpus: 'demo', xss: 'own' })

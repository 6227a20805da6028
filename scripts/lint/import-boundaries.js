import boundaries from 'eslint-plugin-boundaries'

/**
 * Who may import whom, whether the import is `@/…` or relative (DESIGN.md:
 * lib, config, components ← features ← app; no feature imports another;
 * the ingest takes only the shared contract from src/lib; the service
 * worker only what pages and worker agree on, from src/lib and src/config). Imports inside
 * one element (one feature, the app, lib…) are not checked; files that
 * belong to no element (other scripts, tests/, configs) are not either.
 * scripts/lint/import-boundaries.test.ts proves each rule on a violation.
 */
const bottom = ['lib', 'config', 'components']

/** The `boundaries/dependencies` policy allowing `from` to import `to`. */
function allow(from, to) {
  return {
    from: { element: { types: { anyOf: from } } },
    allow: { to: { element: { types: { anyOf: to } } } },
  }
}

export const importBoundaries = {
  files: ['src/**/*.{ts,tsx}', 'scripts/ingest/**/*.{ts,mjs}'],
  plugins: { boundaries },
  settings: {
    'import/resolver': {
      typescript: {
        project: [
          'tsconfig.app.json',
          'tsconfig.node.json',
          'tsconfig.sw.json',
        ],
        noWarnOnMultipleProjects: true,
      },
    },
    // Patterns match from the project root (`partialMatch: false`), so
    // src/features/x/components is part of feature x, not `components`.
    'boundaries/elements': [
      { type: 'app', pattern: 'src/app' },
      { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
      { type: 'lib', pattern: 'src/lib' },
      { type: 'config', pattern: 'src/config' },
      { type: 'components', pattern: 'src/components' },
      { type: 'testing', pattern: 'src/testing' },
      { type: 'service-worker', pattern: 'src/service-worker' },
      { type: 'ingest', pattern: 'scripts/ingest' },
    ].map((element) => ({ ...element, partialMatch: false })),
    'boundaries/files': [{ category: 'test', pattern: '**/*.test.{ts,tsx}' }],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        message:
          '{{ from.type }} may not import {{ to.type }} ({{ to.path }}): see scripts/lint/import-boundaries.js.',
        policies: [
          allow(['app'], ['feature', ...bottom]),
          allow(['feature'], bottom),
          allow(bottom, bottom),
          allow(['testing'], ['app', 'feature', ...bottom]),
          allow(['ingest'], ['lib']),
          allow(['service-worker'], ['lib', 'config']),
          {
            from: { file: { categories: 'test' } },
            allow: { to: { element: { type: 'testing' } } },
          },
        ],
      },
    ],
  },
}

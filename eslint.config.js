import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { importBoundaries } from './scripts/lint/import-boundaries.js'

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/data',
      'public/demo',
      '.cache',
      'test-results',
      'playwright-report',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'dompurify',
              message: 'Only src/lib/sanitize.ts may import dompurify.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      reactHooks.configs.flat['recommended-latest'] ??
        reactHooks.configs.flat.recommended,
      ...pluginQuery.configs['flat/recommended'],
    ],
    rules: {
      // Every query goes through a factory (articleQueries, manifestQueries):
      // the loader and the component read the same key and fetcher.
      '@tanstack/query/prefer-query-options': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Only ArticleBody may set inner HTML.',
        },
      ],
    },
  },
  {
    files: ['src/lib/sanitize.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/features/articles/components/article-body.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  importBoundaries,
)

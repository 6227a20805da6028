import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, test } from 'vitest'

/**
 * Runs the repository's own eslint.config.js on small snippets placed at
 * paths inside the tree (the files need not exist), so a rule that stops
 * matching — a renamed folder, a plugin upgrade, a resolver that no longer
 * finds `@/` — fails here instead of letting violations through.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

/** The ids of the rules that report `code` as if it were at `file`. */
async function rulesBrokenBy(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file })
  return result.messages.map((message) => message.ruleId ?? message.message)
}

function importing(source: string, kind: 'value' | 'type' = 'value') {
  return kind === 'type'
    ? `import type * as probe from '${source}'\nexport type Probe = typeof probe\n`
    : `import * as probe from '${source}'\nexport const touched = probe\n`
}

const boundary = ['boundaries/dependencies']

describe(
  'import boundaries, relative or through @/',
  { timeout: 60_000 },
  () => {
    test.each([
      ['src/features/share/probe.ts', '../articles/api/article-queries'],
      [
        'src/features/share/probe.ts',
        '@/features/articles/api/article-queries',
      ],
      ['src/features/articles/components/probe.ts', '../../share/share-link'],
      ['src/features/articles/probe.ts', '../../app/routes/resolve-list'],
      ['src/features/categories/probe.ts', '@/app/router'],
    ])(
      'a feature may not import another feature or the app: %s ← %s',
      async (file, source) => {
        expect(await rulesBrokenBy(file, importing(source))).toEqual(boundary)
      },
    )

    test.each([
      ['src/lib/probe.ts', '../features/articles/api/article-queries'],
      ['src/lib/probe.ts', '@/features/share/share-link'],
      ['src/lib/probe.ts', '../app/router'],
      ['src/components/probe.tsx', '../features/share/share-link'],
      ['src/components/probe.tsx', '@/app/routes/not-found'],
      ['src/config/probe.ts', '../features/categories/find-category'],
      ['src/config/probe.ts', '@/app/router'],
    ])(
      'lib, components and config may not import features or the app: %s ← %s',
      async (file, source) => {
        expect(await rulesBrokenBy(file, importing(source))).toEqual(boundary)
      },
    )

    test.each([
      ['src/service-worker/probe.ts', '../features/offline/offline-state'],
      ['src/service-worker/probe.ts', '@/app/router'],
      ['src/service-worker/probe.ts', '@/components/error-view'],
    ])(
      'the service worker takes only src/lib and src/config: %s ← %s',
      async (file, source) => {
        expect(await rulesBrokenBy(file, importing(source))).toEqual(boundary)
      },
    )

    test('type-only imports count too', async () => {
      expect(
        await rulesBrokenBy(
          'src/lib/probe.ts',
          importing('../app/router', 'type'),
        ),
      ).toEqual(boundary)
    })

    test.each([
      '../../src/config/paths.ts',
      '../../src/features/share/share-link.ts',
      '../../src/app/routes/resolve-list.ts',
      '../../src/testing/fixtures/data-files.ts',
    ])('the ingest takes nothing from src/ but src/lib: %s', async (source) => {
      expect(
        await rulesBrokenBy('scripts/ingest/probe.ts', importing(source)),
      ).toEqual(boundary)
    })

    test('only tests import src/testing', async () => {
      const source = '@/testing/fixtures/articles'
      expect(
        await rulesBrokenBy('src/app/probe.ts', importing(source)),
      ).toEqual(boundary)
      expect(
        await rulesBrokenBy(
          'src/app/routes/__tests__/probe.test.ts',
          importing(source),
        ),
      ).toEqual([])
    })

    test.each([
      ['src/features/share/probe.ts', './share-link'],
      ['src/features/articles/components/probe.ts', '../api/article-queries'],
      ['src/features/share/probe.ts', '@/lib/article-schema'],
      ['src/features/share/probe.ts', '@/config/paths'],
      ['src/features/share/probe.ts', '@/components/error-view'],
      ['src/app/routes/probe.ts', '@/features/share/share-link'],
      [
        'src/app/routes/probe.ts',
        '../../features/articles/api/article-queries',
      ],
      ['src/lib/probe.ts', '@/config/paths'],
      ['src/components/probe.tsx', '../config/messages'],
      ['src/testing/probe.ts', '@/app/router'],
      ['scripts/ingest/probe.ts', '../../src/lib/article-schema.ts'],
      ['src/service-worker/probe.ts', '../lib/offline-caches.ts'],
      ['src/service-worker/probe.ts', '../config/paths.ts'],
    ])('what the layers allow passes: %s ← %s', async (file, source) => {
      expect(await rulesBrokenBy(file, importing(source))).toEqual([])
    })
  },
)

describe('the funnels', { timeout: 60_000 }, () => {
  test('only src/lib/sanitize.ts imports dompurify', async () => {
    const code = importing('dompurify')
    expect(await rulesBrokenBy('src/lib/probe.ts', code)).toEqual([
      'no-restricted-imports',
    ])
    expect(await rulesBrokenBy('src/lib/sanitize.ts', code)).toEqual([])
  })

  test('only ArticleBody sets inner HTML', async () => {
    const code =
      'export const Probe = () => <div dangerouslySetInnerHTML={{ __html: "" }} />\n'
    expect(
      await rulesBrokenBy('src/features/articles/components/probe.tsx', code),
    ).toEqual(['no-restricted-syntax'])
    expect(
      await rulesBrokenBy(
        'src/features/articles/components/article-body.tsx',
        code,
      ),
    ).toEqual([])
  })

  test('queries go through a queryOptions factory', async () => {
    const code = [
      "import { useQuery } from '@tanstack/react-query'",
      'export const useProbe = () =>',
      "  useQuery({ queryKey: ['probe'], queryFn: () => 1 })",
      '',
    ].join('\n')
    expect(await rulesBrokenBy('src/features/share/probe.ts', code)).toEqual([
      '@tanstack/query/prefer-query-options',
    ])
  })
})

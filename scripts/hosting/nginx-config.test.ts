import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { shellRoutes } from '../../src/config/paths.ts'
import { SHELL_PATH } from '../../src/config/shell.ts'
import {
  buildContentSecurityPolicy,
  serviceWorkerContentSecurityPolicy,
} from '../../src/lib/csp.ts'
import { renderMainConfig } from './nginx-main-config.ts'
import { renderNginxConfig } from './nginx-config.ts'

const deployed = path.resolve(import.meta.dirname, '../../deploy/nginx.conf')
const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find(existsSync)

/** The config's location blocks by what follows `location` (`/assets/`, `= /sw.js` …). */
function locations(config: string): Map<string, string> {
  const blocks = config.split(/^(?=location )/m).slice(1)
  return new Map(
    blocks.map((block) => [/^location (.*) \{/.exec(block)![1], block]),
  )
}

describe('deploy/nginx.conf', () => {
  test('is what the generator writes (npm run deploy:nginx-config)', () => {
    expect(readFileSync(deployed, 'utf8')).toBe(renderNginxConfig())
  })

  test('answers every reader route of src/config/paths.ts: its prerendered page, else the data-free shell', () => {
    const config = renderNginxConfig()
    const blockOf = (match: string) =>
      config.split(`location ${match} {\n`)[1]?.split('\n}')[0] ?? ''
    for (const route of shellRoutes) {
      const match = route.match === 'exact' ? `= ${route.path}` : route.path
      const block = blockOf(match)
      if (route.path === '/') {
        expect(block).toContain('try_files /index.html =404;')
      } else if (route.match === 'prefix') {
        expect(block).toContain(`try_files $uri/index.html ${SHELL_PATH};`)
      } else {
        expect(block).toContain(`try_files ${SHELL_PATH} =404;`)
      }
      expect(block.includes('X-Robots-Tag "noindex"')).toBe(!!route.noindex)
    }
    expect(shellRoutes.map((r) => r.path)).toContain('/saved')
  })

  test('sends the header CSP of src/lib/csp.ts with every response a browser may show as a page', () => {
    const config = renderNginxConfig()
    const csp = `add_header Content-Security-Policy "${buildContentSecurityPolicy('header')}" always;`
    const without = [...locations(config)]
      .filter(([, block]) => !block.includes(csp))
      .map(([match]) => match)
    // Built code and fetched data; /a/ only returns 404 (→ the shell);
    // /sw.js has its own CSP.
    expect(without).toEqual([
      '/a/',
      '= /sw.js',
      '/assets/',
      '= /data/search/index.json',
      '~ ^/data/(pages|categories|search)/',
      '/data/',
    ])
    expect(config).toContain("frame-ancestors 'none'")
  })

  test('sends code and data with nosniff and no page headers; mirrored images keep them', () => {
    const blocks = locations(renderNginxConfig())
    const block = (match: string) => blocks.get(match) ?? ''
    for (const start of [
      '/assets/',
      '= /data/search/index.json',
      '~ ^/data/(pages|categories|search)/',
      '/data/',
    ]) {
      expect(block(start), start).toContain(
        'add_header X-Content-Type-Options "nosniff" always;',
      )
      expect(block(start), start).toContain(
        'add_header Referrer-Policy "no-referrer" always;',
      )
      expect(block(start), start).not.toContain('Content-Security-Policy')
      expect(block(start), start).not.toContain('Permissions-Policy')
    }
    expect(block('^~ /data/images/')).toContain(
      `add_header Content-Security-Policy "${buildContentSecurityPolicy('header')}" always;`,
    )
  })

  test('serves sw.js revalidated, with the worker’s own CSP', () => {
    const block = /location = \/sw\.js \{[^}]*\}/.exec(renderNginxConfig())?.[0]
    expect(block).toContain('add_header Cache-Control "no-cache" always;')
    expect(block).toContain(
      `add_header Content-Security-Policy "${serviceWorkerContentSecurityPolicy()}" always;`,
    )
  })

  test('is accepted by nginx -t', () => {
    if (!nginx) {
      throw new Error(
        'nginx is not installed: run `bash scripts/ensure-system-deps.sh`',
      )
    }
    const prefix = mkdtempSync(path.join(tmpdir(), 'zixun-nginx-'))
    mkdirSync(path.join(prefix, 'temp'))
    try {
      const main = path.join(prefix, 'nginx.conf')
      writeFileSync(
        main,
        renderMainConfig({
          port: 4199,
          root: prefix,
          prefix,
          include: deployed,
          runAsRoot: process.getuid?.() === 0,
        }),
      )
      const result = spawnSync(
        nginx ?? 'nginx',
        ['-t', '-p', prefix, '-c', main, '-e', path.join(prefix, 'error.log')],
        { encoding: 'utf8' },
      )
      expect(result.stderr).toContain('syntax is ok')
      expect(result.status).toBe(0)
    } finally {
      rmSync(prefix, { recursive: true, force: true })
    }
  })
})

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

  test('sends the header CSP of src/lib/csp.ts with every response', () => {
    const config = renderNginxConfig()
    const csp = `add_header Content-Security-Policy "${buildContentSecurityPolicy('header')}" always;`
    const locations = config.match(/^location /gm) ?? []
    expect(config.split(csp).length - 1).toBe(
      // `location /a/` only returns 404 (→ the shell); /sw.js has its own.
      locations.length - 2,
    )
    expect(config).toContain("frame-ancestors 'none'")
  })

  test('serves sw.js revalidated, with the worker’s own CSP', () => {
    const block = /location = \/sw\.js \{[^}]*\}/.exec(renderNginxConfig())?.[0]
    expect(block).toContain('add_header Cache-Control "no-cache" always;')
    expect(block).toContain(
      `add_header Content-Security-Policy "${serviceWorkerContentSecurityPolicy()}" always;`,
    )
  })

  test.skipIf(!nginx)('is accepted by nginx -t', () => {
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

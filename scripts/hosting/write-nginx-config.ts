/**
 * Writes deploy/nginx.conf from its generator (run after changing the CSP
 * or the hosting rules). Usage: npm run deploy:nginx-config
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { renderNginxConfig } from './nginx-config.ts'

const target = path.resolve(import.meta.dirname, '../../deploy/nginx.conf')
writeFileSync(target, renderNginxConfig())
console.log(`Wrote ${path.relative(process.cwd(), target)}`)

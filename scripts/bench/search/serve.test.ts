import { describe, expect, it } from 'vitest'
import { parseAccessLog } from './serve.ts'

describe('parseAccessLog', () => {
  it('reads path, status and body bytes from combined-format lines', () => {
    const log = [
      '127.0.0.1 - - [01/Dec/2026:18:40:01 +0000] "GET /data/search/s/87.zu6ijxct.bin HTTP/1.1" 200 2345 "http://127.0.0.1:4413/" "Mozilla/5.0"',
      '127.0.0.1 - - [01/Dec/2026:18:40:01 +0000] "GET /data/articles/a.json HTTP/1.1" 304 0 "-" "Mozilla/5.0"',
      '',
    ].join('\n')
    expect(parseAccessLog(log)).toEqual([
      { path: '/data/search/s/87.zu6ijxct.bin', status: 200, bytes: 2345 },
      { path: '/data/articles/a.json', status: 304, bytes: 0 },
    ])
  })

  it('skips a line cut off mid-write', () => {
    expect(parseAccessLog('127.0.0.1 - - [01/Dec/2026] "GET /x')).toEqual([])
  })
})

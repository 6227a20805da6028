/**
 * A fast path for the front matter most aggregators write: `key: value`
 * lines with plain or simply quoted scalars, and `key:` followed by
 * `- item` lines. It returns what the yaml package (failsafe schema,
 * duplicate keys allowed, the last wins) would return, or undefined as
 * soon as a line is anything else, and the caller uses the full parser.
 */
export function parseSimpleYaml(
  text: string,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {}
  let list: string[] | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd()
    if (line === '') continue
    const item = LIST_ITEM.exec(line)
    if (item) {
      const value = item[1] === undefined ? '' : scalar(item[1])
      if (!list || value === undefined) return undefined
      list.push(value)
      continue
    }
    const pair = PAIR.exec(line)
    if (!pair) return undefined
    list = undefined
    if (pair[2] === undefined) {
      list = []
      out[pair[1]] = list
      continue
    }
    const value = scalar(pair[2])
    if (value === undefined) return undefined
    out[pair[1]] = value
  }
  for (const [key, value] of Object.entries(out)) {
    if (Array.isArray(value) && value.length === 0) out[key] = ''
  }
  return out
}

const PAIR = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/
const LIST_ITEM = /^ +- +(.+)$|^ +-$/
const PLAIN = /^[^-?:,[\]{}#&*!|>'"%@`\s](?:[^#:]|:(?=\S)|[^\s:]#)*$/

function scalar(value: string): string | undefined {
  const v = value.trim()
  if (v.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'$/.exec(v)
    return m ? m[1].replace(/''/g, "'") : undefined
  }
  if (v.startsWith('"')) {
    const m = /^"([^"\\]*)"$/.exec(v)
    return m ? m[1] : undefined
  }
  if (v === '' || !PLAIN.test(v) || / #/.test(v) || v === '~' || v === 'null') {
    return undefined
  }
  return v
}

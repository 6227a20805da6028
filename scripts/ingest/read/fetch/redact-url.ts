/**
 * Feed URLs may carry secrets: `https://user:pass@host/feed`, or a token in
 * the query (`?token=…`, `&key=…`). They are sent to the feed's own server
 * and nowhere else: every URL the report, the table or a log line shows
 * goes through redactUrl first.
 */

/** Query parameters whose values are treated as secrets. */
const SECRET_PARAMS =
  /^(?:token|access[_-]?token|auth|auth[_-]?token|key|api[_-]?key|apikey|secret|password|passwd|pass|pwd|sig|signature|session|sid|private[_-]?token|feed[_-]?token|hash)$/i

/**
 * The URL as it may be shown: credentials replaced by `***@`, secret query
 * values by `***`. A value that is no URL is returned with anything that
 * looks like `user:pass@` removed.
 */
export function redactUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return value.replace(/\/\/[^/@\s]*@/, '//***@')
  }
  const hadCredentials = url.username !== '' || url.password !== ''
  url.username = ''
  url.password = ''
  let search = ''
  if (url.search !== '') {
    search = url.search
      .slice(1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=')
        const name = eq < 0 ? pair : pair.slice(0, eq)
        return eq >= 0 && SECRET_PARAMS.test(decodeSafe(name))
          ? `${name}=***`
          : pair
      })
      .join('&')
    url.search = ''
  }
  const base = url.href.replace(/\?$/, '')
  const withQuery = search === '' ? base : insertQuery(base, search)
  return hadCredentials ? withQuery.replace('://', '://***@') : withQuery
}

function insertQuery(href: string, search: string): string {
  const hash = href.indexOf('#')
  return hash < 0
    ? `${href}?${search}`
    : `${href.slice(0, hash)}?${search}${href.slice(hash)}`
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** A URL without its `user:pass@`, and the Basic credentials it carried. */
export function splitCredentials(value: string): {
  url: string
  authorization?: string
} {
  const url = new URL(value)
  if (url.username === '' && url.password === '') return { url: url.href }
  const user = decodeURIComponent(url.username)
  const pass = decodeURIComponent(url.password)
  url.username = ''
  url.password = ''
  const token = Buffer.from(`${user}:${pass}`).toString('base64')
  return { url: url.href, authorization: `Basic ${token}` }
}

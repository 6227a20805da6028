/** The media type and charset of a Content-Type header, lower-cased. */
export function parseContentType(header: string): {
  type: string
  charset?: string
} {
  const [type = '', ...params] = header.split(';')
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1])
    .find((c) => c !== undefined)
  return { type: type.trim().toLowerCase(), ...(charset ? { charset } : {}) }
}

/** Media types a feed is served with (and the generic XML/JSON ones). */
export function isFeedType(type: string): boolean {
  return /^(?:application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json|xml|json)|text\/xml)$/.test(
    type,
  )
}

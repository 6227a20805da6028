import { sanitizeArticleHtml } from './sanitize'

/**
 * The URLs in a `srcset`: each candidate is a URL (no spaces; commas may
 * be part of it) and an optional descriptor; a candidate ends at a comma
 * that ends a token.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = []
  let expectUrl = true
  for (const token of srcset.trim().split(/\s+/)) {
    if (!token) continue
    if (expectUrl) urls.push(token.replace(/,+$/, ''))
    expectUrl = token.endsWith(',')
  }
  return urls.filter(Boolean)
}

/**
 * The images an article's body shows, as absolute http(s) URLs in the
 * order they appear: what the sanitiser keeps (`src`, every `srcset`
 * candidate of `<img>` and `<picture><source>`, lazy-loading attributes
 * promoted), so a copy kept offline is what the page will request.
 */
export function articleImageUrls(
  html: string,
  base: string = document.baseURI,
): string[] {
  const fragment = sanitizeArticleHtml(html)
  const found = new Set<string>()
  const add = (value: string | null) => {
    if (!value) return
    try {
      const url = new URL(value, base)
      if (url.protocol === 'https:' || url.protocol === 'http:') {
        found.add(url.href)
      }
    } catch {
      // Not a URL: the browser would not load it either.
    }
  }
  for (const element of fragment.querySelectorAll('img, picture source')) {
    add(element.getAttribute('src'))
    for (const url of srcsetUrls(element.getAttribute('srcset') ?? '')) {
      add(url)
    }
  }
  return [...found]
}

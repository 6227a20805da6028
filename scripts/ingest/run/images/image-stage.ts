import type {
  ImageEntry,
  ImageReport,
  ImageSet,
} from '../../../../src/lib/article-schema.ts'
import { ImageCache } from '../../cache/image-cache.ts'
import type {
  ImageContext,
  ImageMode,
  ImageUse,
} from '../../convert/fields/mirrored-images.ts'
import { HttpClient } from '../../read/fetch/http-client.ts'
import type { HttpOptions } from '../../read/fetch/http-types.ts'
import { redactUrl } from '../../read/fetch/redact-url.ts'
import type { OutputWriter } from '../../write/output-writer.ts'
import {
  DEFAULT_IMAGE_LIMITS,
  mirrorImage,
  type ImageLimits,
} from './mirror-image.ts'

export type ImageOptions = {
  mode: ImageMode
  allowPrivateUrls?: boolean
  http?: Partial<HttpOptions>
  limits?: Partial<ImageLimits>
}

/**
 * `--images`: what conversion looks images up in (the cache's decisions),
 * fetching the images it did not know, and publishing the copies the
 * written articles use into `images/` of the output.
 */
export class ImageStage {
  readonly context: ImageContext
  private readonly cache: ImageCache
  private readonly known = new Map<string, ImageSet | null>()
  /** Failures that may pass (a timeout, a 503): tried again next run. */
  private readonly transient = new Map<string, string>()
  private readonly options: ImageOptions
  private readonly userAgent: string

  constructor(options: ImageOptions, cacheDir: string, userAgent: string) {
    this.options = options
    this.userAgent = userAgent
    this.cache = new ImageCache(cacheDir)
    for (const [key, record] of this.cache.records)
      this.known.set(key, record.set)
    this.context = { mode: options.mode, known: this.known }
  }

  /** Fetches and mirrors the images of `keys` not decided yet. */
  async fetch(keys: string[]): Promise<void> {
    const todo = [...new Set(keys)].filter((k) => !this.known.has(k))
    if (todo.length === 0) return
    const client = new HttpClient({
      userAgent: this.userAgent,
      connectTimeoutMs: 10_000,
      timeoutMs: 30_000,
      maxRedirects: 5,
      retryAfterMaxMs: 0,
      concurrency: 8,
      perHost: 2,
      allowPrivate: this.options.allowPrivateUrls ?? false,
      ...this.options.http,
    })
    const limits = { ...DEFAULT_IMAGE_LIMITS, ...this.options.limits }
    try {
      await Promise.all(
        todo.map(async (key) => {
          const [use, url] = splitKey(key)
          const result = await mirrorImage(client, url, use, limits)
          if ('set' in result) {
            const { set, files, originalBytes, mirroredBytes } = result
            await this.cache.add(
              {
                key,
                set,
                files: files.map((f) => f.name),
                originalBytes,
                mirroredBytes,
              },
              files,
            )
            this.known.set(key, set)
          } else if (result.permanent) {
            await this.cache.add(
              { key, set: null, files: [], reason: result.reason },
              [],
            )
            this.known.set(key, null)
          } else this.transient.set(key, result.reason)
        }),
      )
    } finally {
      await client.close()
    }
  }

  /**
   * Writes the copies the given articles use into `images/` (a copy the
   * last run wrote is not touched: its name is its hash) and reports every
   * image they use.
   */
  publish(
    articles: Iterable<{ images?: string[] }>,
    writer: OutputWriter,
  ): ImageReport {
    const used = new Set<string>()
    for (const article of articles)
      for (const key of article.images ?? []) used.add(key)
    const images: ImageEntry[] = []
    let bytesSaved = 0
    for (const key of [...used].sort()) {
      const [, url] = splitKey(key)
      const record = this.cache.records.get(key)
      if (record?.set) {
        for (const name of record.files)
          writer.writeAddressed(`images/${name}`, () => this.cache.read(name))
        const saved = Math.max(
          0,
          (record.originalBytes ?? 0) - (record.mirroredBytes ?? 0),
        )
        bytesSaved += saved
        images.push({
          url: redactUrl(url),
          status: 'mirrored',
          ...(record.originalBytes === undefined
            ? {}
            : { original_bytes: record.originalBytes }),
          ...(record.mirroredBytes === undefined
            ? {}
            : { mirrored_bytes: record.mirroredBytes }),
        })
      } else {
        const reason =
          record?.reason ?? this.transient.get(key) ?? 'not fetched'
        images.push({ url: redactUrl(url), status: 'kept_remote', reason })
      }
    }
    const mirrored = images.filter((i) => i.status === 'mirrored').length
    return {
      mode: this.options.mode,
      mirrored,
      kept_remote: images.length - mirrored,
      bytes_saved: bytesSaved,
      images,
    }
  }
}

function splitKey(key: string): [ImageUse, string] {
  const space = key.indexOf(' ')
  return [key.slice(0, space) as ImageUse, key.slice(space + 1)]
}

import { useState } from 'react'
import type { ImageSize } from '@/lib/article-schema'

export type ArticleThumbnailProps = {
  src?: string
  size?: ImageSize
}

/**
 * A fixed 4:3 box, so the list never shifts while images arrive. The image
 * loads lazily, without a Referer (source sites block hotlinking), and a
 * missing or broken image leaves a neutral placeholder.
 */
export function ArticleThumbnail({ src, size }: ArticleThumbnailProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null)
  const showImage = src !== undefined && failedSrc !== src
  return (
    <div className="thumbnail" aria-hidden="true">
      {showImage ? (
        <img
          src={src}
          alt=""
          width={size?.width ?? 160}
          height={size?.height ?? 120}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onError={() => setFailedSrc(src)}
        />
      ) : (
        <span
          className="thumbnail-placeholder"
          data-testid="thumbnail-placeholder"
        />
      )}
    </div>
  )
}

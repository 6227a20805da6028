import { useCallback, useState } from 'react'
import type { ImageSet, ImageSize } from '@/lib/article-schema'

export type ArticleThumbnailProps = {
  src?: string
  size?: ImageSize
  /** Local copies made by the ingest (`--images`): used instead of `src`. */
  set?: ImageSet
}

/** Cards are 160 px wide, 104 px on phones (app.css): the widths a set is chosen for. */
const CARD_SIZES = '(max-width: 760px) 104px, 160px'

/**
 * A fixed 4:3 box, so the list never shifts while images arrive. The image
 * loads lazily, without a Referer (source sites block hotlinking), and a
 * missing or broken image leaves a neutral placeholder. A mirrored image
 * is a `<picture>`: AVIF or WebP at the width the screen needs, the
 * original format as fallback, all from our own origin.
 */
export function ArticleThumbnail({ src, size, set }: ArticleThumbnailProps) {
  const [failedSrc, setFailedSrc] = useState<string | null>(null)
  const shown = set?.src ?? src
  const showImage = shown !== undefined && failedSrc !== shown
  // A prerendered image can fail before hydration, while React does not
  // listen yet (its `error` event is gone): look once the image is attached.
  const seeIfFailed = useCallback(
    (img: HTMLImageElement | null) => {
      if (img?.complete && img.naturalWidth === 0 && img.getAttribute('src'))
        setFailedSrc(shown ?? null)
    },
    [shown],
  )
  const img = showImage && (
    <img
      src={shown}
      srcSet={set?.srcset}
      sizes={set ? CARD_SIZES : undefined}
      alt=""
      width={set?.width ?? size?.width ?? 160}
      height={set?.height ?? size?.height ?? 120}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailedSrc(shown)}
      ref={seeIfFailed}
    />
  )
  return (
    <div className="thumbnail" aria-hidden="true">
      {img && set ? (
        <picture>
          {set.sources.map((source) => (
            <source
              key={source.type}
              type={source.type}
              srcSet={source.srcset}
              sizes={CARD_SIZES}
            />
          ))}
          {img}
        </picture>
      ) : (
        img || (
          <span
            className="thumbnail-placeholder"
            data-testid="thumbnail-placeholder"
          />
        )
      )}
    </div>
  )
}

/**
 * Ranking: BM25 with the title weighted above the body (BM25F's sum of
 * weighted field frequencies), computed in two halves. The ingest stores
 * each posting's term-frequency part as one byte (its *impact*); the
 * reader multiplies it by the term's IDF, which needs only the term's df
 * and the number of articles. Ties are broken by date, newest first.
 */

/** BM25's saturation and length normalisation, Lucene's defaults. */
export const K1 = 1.2
export const B = 0.75
/** A word in the title counts as this many in the body. */
export const TITLE_WEIGHT = 5

/**
 * The mean length BM25 normalises by, rounded to a power of two: it then
 * changes only when the corpus's mean doubles or halves, so adding one
 * article does not change every stored impact (and every shard with it).
 */
export function snapAverage(meanUnits: number): number {
  if (!(meanUnits > 1)) return 1
  return 2 ** Math.round(Math.log2(meanUnits))
}

/**
 * The stored impact (1–255) of a term that occurs `titleTf` times in the
 * title and `bodyTf` times in the body of an article `units` long.
 */
export function impactOf(
  titleTf: number,
  bodyTf: number,
  units: number,
  avgUnits: number,
): number {
  const tf = TITLE_WEIGHT * titleTf + bodyTf
  const norm = 1 - B + (B * units) / avgUnits
  const saturated = tf / (tf + K1 * norm)
  return Math.max(1, Math.min(255, Math.round(saturated * 255)))
}

/** BM25's inverse document frequency (never negative). */
export function idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5))
}

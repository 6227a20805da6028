import {
  TIER_GROWTH,
  TOP_TIER,
  type Postings,
} from '../../../../src/lib/search/postings.ts'

/** Docnums are packed with their impact (× 256) into 32 bits while tiers are made. */
export const MAX_DOCS = 2 ** 24

/**
 * A term's postings (docnum order) split into tiers by impact, best
 * first: tier 0 holds the `top` best, each further tier TIER_GROWTH
 * times as many as all before it. Equal impacts go to the newer article
 * (higher docnum) first. Each tier's postings are in docnum order, as the
 * files store them.
 */
export function splitTiers(postings: Postings, top = TOP_TIER): Postings[] {
  const { docs, impacts } = postings
  const count = docs.length
  if (count <= top) return [postings]
  // Counting sort by impact, descending; within one impact, newest first.
  const starts = new Uint32Array(257)
  for (let i = 0; i < count; i++) starts[255 - impacts[i] + 1]++
  for (let v = 1; v <= 256; v++) starts[v] += starts[v - 1]
  const order = new Uint32Array(count)
  for (let i = count - 1; i >= 0; i--) {
    order[starts[255 - impacts[i]]++] = docs[i] * 256 + impacts[i]
  }
  const tiers: Postings[] = []
  let start = 0
  let end = top
  while (start < count) {
    const slice = order.slice(start, Math.min(end, count)).sort()
    const tier: Postings = {
      docs: new Uint32Array(slice.length),
      impacts: new Uint8Array(slice.length),
    }
    for (let i = 0; i < slice.length; i++) {
      tier.docs[i] = slice[i] >>> 8
      tier.impacts[i] = slice[i] & 0xff
    }
    tiers.push(tier)
    start = end
    end *= TIER_GROWTH
  }
  return tiers
}

/** The highest impact of a tier. */
export function maxImpact(postings: Postings): number {
  let max = 0
  for (const impact of postings.impacts) if (impact > max) max = impact
  return max
}

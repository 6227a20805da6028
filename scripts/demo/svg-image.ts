import { createRandom } from './prng.ts'

export type DemoImage = {
  /** File name inside the images directory, e.g. `demo-07.svg`. */
  file: string
  width: number
  height: number
  svg: string
}

/** How many distinct images the demo ships; posts share them. */
export const IMAGE_POOL_SIZE = 60

/** The public URL prefix under which the images are served. */
export const IMAGE_URL_PREFIX = '/demo/images/'

const palettes: readonly [string, string, string][] = [
  ['#1e3c72', '#2a5298', '#9ec5ff'],
  ['#ff7e5f', '#feb47b', '#fff1e0'],
  ['#134e5e', '#71b280', '#e6ffe9'],
  ['#41295a', '#2f0743', '#f0a6ff'],
  ['#0f2027', '#2c5364', '#7fdbff'],
  ['#ee9ca7', '#ffdde1', '#8a2846'],
  ['#f7971e', '#ffd200', '#5a3300'],
  ['#00467f', '#a5cc82', '#ffffff'],
  ['#614385', '#516395', '#d6e0ff'],
  ['#c31432', '#240b36', '#ffb3c1'],
  ['#11998e', '#38ef7d', '#033d2f'],
  ['#373b44', '#4286f4', '#e3ecff'],
]

const captions = [
  '科技',
  '编程',
  '财经',
  '游戏',
  '快讯',
  '深度',
  '评测',
  '数据',
  'Tech',
  'Markets',
  'Open source',
  'Review',
  'Launch',
  'Data',
  'Play',
  'Science',
]

/** Deterministic pool of small SVG illustrations (gradient, shapes, caption). */
export function createImagePool(size = IMAGE_POOL_SIZE): DemoImage[] {
  return Array.from({ length: size }, (_, index) => createImage(index))
}

function createImage(index: number): DemoImage {
  const random = createRandom(`zixun-demo-image-${index}`)
  const wide = index % 3 === 2
  const [width, height] = wide ? [640, 360] : [400, 300]
  const [from, to, ink] = palettes[index % palettes.length]
  const caption = captions[(index * 7) % captions.length]
  const shapes = Array.from({ length: random.int(2, 4) }, () => {
    const r = random.int(height / 8, height / 2)
    const cx = random.int(0, width)
    const cy = random.int(0, height)
    const opacity = (random.int(12, 35) / 100).toFixed(2)
    return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${ink}" fill-opacity="${opacity}"/>`
  })
  const y = (share: number) => Math.round(height * share)
  const crest = y(0.55 + random.next() * 0.2)
  const wave = `M0 ${y(0.72)} Q${width / 4} ${crest} ${width / 2} ${y(0.7)} T${width} ${y(0.66)} V${height} H0Z`
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">` +
    `<title>${caption}</title>` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#g)"/>${shapes.join('')}` +
    `<path d="${wave}" fill="${ink}" fill-opacity="0.18"/>` +
    `<text x="${Math.round(width * 0.06)}" y="${y(0.9)}" font-family="system-ui,sans-serif" font-size="${Math.round(height / 12)}" font-weight="600" fill="#fff" fill-opacity="0.92">${caption}</text>` +
    `</svg>\n`
  const file = `demo-${String(index + 1).padStart(2, '0')}.svg`
  return { file, width, height, svg }
}

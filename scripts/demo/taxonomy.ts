/** The demo's three-level category tree: top category › site › feed. */

export type Lang = 'zh' | 'en'
export type Topic = 'tech' | 'dev' | 'business' | 'games'
/** flash: a few plain lines; link: a Hacker News style link; article/feature: rich HTML. */
export type BodyStyle = 'flash' | 'link' | 'article' | 'feature'

export type Feed = {
  categories: [string, string, string]
  /** The site name, as the aggregator writes it in `author`. */
  author: string
  lang: Lang
  topic: Topic
  styles: readonly BodyStyle[]
  /** Share of posts that use the zone-less `YYYY-MM-DD HH:mm:ss` date. */
  localDates: number
  /** Host of the original link; always an example domain. */
  host: string
  /** Relative share of the corpus. */
  weight: number
}

const feed = (
  categories: [string, string, string],
  lang: Lang,
  topic: Topic,
  styles: readonly BodyStyle[],
  host: string,
  weight = 1,
  localDates = 0.1,
): Feed => ({
  categories,
  author: categories[1],
  lang,
  topic,
  styles,
  localDates,
  host,
  weight,
})

const news = ['article', 'article', 'flash', 'feature'] as const
const longReads = ['feature', 'article'] as const
const flashes = ['flash', 'flash', 'flash', 'article'] as const
const links = ['link', 'link', 'article'] as const

export const feeds: readonly Feed[] = [
  feed(['科技', '少数派', '最新'], 'zh', 'tech', news, 'sspai.example.com', 2),
  feed(
    ['科技', '少数派', '精选'],
    'zh',
    'tech',
    longReads,
    'sspai.example.com',
  ),
  feed(
    ['科技', 'IT 之家', '热榜'],
    'zh',
    'tech',
    news,
    'ithome.example.com',
    2,
  ),
  feed(
    ['科技', 'IT 之家', '分类资讯'],
    'zh',
    'tech',
    news,
    'ithome.example.com',
  ),
  feed(
    ['科技', 'Tech Wire', 'Latest'],
    'en',
    'tech',
    news,
    'techwire.example.com',
    2,
  ),
  feed(
    ['科技', 'Tech Wire', 'Reviews'],
    'en',
    'tech',
    longReads,
    'techwire.example.com',
  ),
  feed(
    ['编程', '开源中国', '资讯'],
    'zh',
    'dev',
    news,
    'oschina.example.com',
    2,
  ),
  feed(
    ['编程', '开源中国', '软件更新'],
    'zh',
    'dev',
    flashes,
    'oschina.example.com',
  ),
  feed(['编程', '掘金', '前端'], 'zh', 'dev', longReads, 'juejin.example.com'),
  feed(['编程', '掘金', '后端'], 'zh', 'dev', longReads, 'juejin.example.com'),
  feed(
    ['编程', 'Hacker News', '首页'],
    'en',
    'dev',
    links,
    'news.example.org',
    2,
    1,
  ),
  feed(
    ['编程', 'Hacker News', 'Show HN'],
    'en',
    'dev',
    links,
    'news.example.org',
    1,
    1,
  ),
  feed(
    ['编程', 'Dev Weekly', 'Releases'],
    'en',
    'dev',
    news,
    'devweekly.example.com',
  ),
  feed(
    ['新媒体', '36kr', '快讯'],
    'zh',
    'business',
    flashes,
    '36kr.example.com',
    2,
  ),
  feed(
    ['新媒体', 'cnBeta', '最新'],
    'zh',
    'tech',
    news,
    'cnbeta.example.com',
    2,
  ),
  feed(
    ['新媒体', 'ZAKER', '科技频道'],
    'zh',
    'tech',
    news,
    'zaker.example.com',
  ),
  feed(
    ['新媒体', '199IT', '首页更新'],
    'zh',
    'business',
    flashes,
    '199it.example.com',
  ),
  feed(
    ['金融', 'DT 财经', '数据侠专栏'],
    'zh',
    'business',
    longReads,
    'dtcj.example.com',
  ),
  feed(
    ['金融', '华尔街见闻', '快讯'],
    'zh',
    'business',
    flashes,
    'wsj-cn.example.com',
    2,
  ),
  feed(
    ['金融', 'Market Brief', 'Markets'],
    'en',
    'business',
    news,
    'marketbrief.example.com',
    2,
  ),
  feed(
    ['金融', 'Market Brief', 'Companies'],
    'en',
    'business',
    news,
    'marketbrief.example.com',
  ),
  feed(
    ['游戏', '3DMGame', '新闻中心'],
    'zh',
    'games',
    news,
    '3dm.example.com',
    2,
  ),
  feed(
    ['游戏', '机核', '资讯'],
    'zh',
    'games',
    longReads,
    'gcores.example.com',
  ),
  feed(
    ['游戏', 'Game Wire', 'News'],
    'en',
    'games',
    news,
    'gamewire.example.com',
  ),
  feed(
    ['游戏', 'Game Wire', 'Reviews'],
    'en',
    'games',
    longReads,
    'gamewire.example.com',
  ),
]

const totalWeight = feeds.reduce((sum, f) => sum + f.weight, 0)

/** Maps a uniform number in [0, 1) to a feed, by weight. */
export function feedAt(uniform: number): Feed {
  let rest = uniform * totalWeight
  for (const f of feeds) {
    rest -= f.weight
    if (rest < 0) return f
  }
  return feeds[feeds.length - 1]
}

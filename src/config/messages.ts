/** The interface languages, as `<html lang>` names them. */
export type Language = 'zh-CN' | 'en'

/**
 * The site's own language: `index.html` and every prerendered page are
 * written in it, and the app hydrates them in it before it switches to
 * the reader's.
 */
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

/** Interface text in English. */
const en = {
  siteName: 'Zixun',
  siteTagline: 'News, fast and safe',
  all: 'All',
  categories: 'Categories',
  loading: 'Loading…',
  loadMore: 'Load more',
  endOfList: 'You have reached the end.',
  emptyList: 'No articles here yet.',
  retry: 'Retry',
  loadFailed: 'Could not load this page.',
  pageLoadFailed: 'Could not load more articles.',
  notFoundTitle: 'Not found',
  notFoundText: 'There is nothing at this address.',
  backHome: 'Back to all articles',
  openOriginal: 'Open original',
  readingMinutes: (n: number) => `${n} min read`,
  articleCount: (n: number) => `${n} articles`,
  by: 'by',
  alsoIn: 'Also in',
  breadcrumb: 'Breadcrumb',
  skipToContent: 'Skip to content',
  previousArticle: '← Previous',
  nextArticle: 'Next →',
  articleNeighbours: 'More in this list',
  expand: (name: string) => `Show categories in ${name}`,
  share: 'Share',
  shareTitled: (title: string) => `Share: ${title}`,
  linkCopied: 'Link copied',
  shareLink: 'Link to share',
  offlineBanner: 'Offline — showing saved and read articles',
  updateReady: 'A new version of Zixun is ready.',
  reload: 'Reload',
  storageEvicted: (articles: number, images: number) =>
    `Storage was full: removed ${articles} older read articles and ${images} images to make room. Saved articles were kept.`,
  dismiss: 'Dismiss',
  notOffline: 'Not available offline',
  offlineArticleTitle: 'Not available offline',
  offlineArticleText:
    'You are offline, and this article was neither opened nor saved on this device. It will open when you are back online.',
  keepNewest: 'Keep the newest articles for offline',
  keepNewestOff: 'Off',
  keepNewestCount: (n: number) => `Newest ${n}`,
  keepNewestDone: (n: number) => `${n} articles ready for offline`,
  keepNewestFailed: (n: number) => `${n} could not be stored`,
  keepFailed: (n: number) =>
    `${n} articles could not be kept for offline reading (storage full or no connection).`,
}

export type Messages = typeof en

const zh: Messages = {
  siteName: '资讯',
  siteTagline: '快速、安全的新闻阅读',
  all: '全部',
  categories: '分类',
  loading: '加载中…',
  loadMore: '加载更多',
  endOfList: '已经到底了。',
  emptyList: '这里还没有文章。',
  retry: '重试',
  loadFailed: '页面加载失败。',
  pageLoadFailed: '更多文章加载失败。',
  notFoundTitle: '未找到',
  notFoundText: '这个地址没有内容。',
  backHome: '返回全部文章',
  openOriginal: '阅读原文',
  readingMinutes: (n: number) => `阅读约 ${n} 分钟`,
  articleCount: (n: number) => `${n} 篇`,
  by: '作者',
  alsoIn: '另见',
  breadcrumb: '导航路径',
  skipToContent: '跳到正文',
  previousArticle: '← 上一篇',
  nextArticle: '下一篇 →',
  articleNeighbours: '同一列表中的文章',
  expand: (name: string) => `展开“${name}”的子分类`,
  share: '分享',
  shareTitled: (title: string) => `分享：${title}`,
  linkCopied: '已复制链接',
  shareLink: '分享链接',
  offlineBanner: '离线中 — 显示已保存和已读的文章',
  updateReady: '资讯有新版本可用。',
  reload: '重新加载',
  storageEvicted: (articles: number, images: number) =>
    `存储空间已满：为腾出空间，已删除 ${articles} 篇较早读过的文章和 ${images} 张图片。已保存的文章都保留了。`,
  dismiss: '关闭',
  notOffline: '离线不可用',
  offlineArticleTitle: '离线不可用',
  offlineArticleText:
    '你现在处于离线状态，而这篇文章没有在本设备上打开或保存过。恢复联网后即可打开。',
  keepNewest: '离线保存最新文章',
  keepNewestOff: '关闭',
  keepNewestCount: (n: number) => `最新 ${n} 篇`,
  keepNewestDone: (n: number) => `已有 ${n} 篇可离线阅读`,
  keepNewestFailed: (n: number) => `${n} 篇未能保存`,
  keepFailed: (n: number) =>
    `${n} 篇文章未能保存以供离线阅读（存储空间已满或无网络）。`,
}

const byLanguage: Record<Language, Messages> = { 'zh-CN': zh, en }

/** The interface text of `language`. */
export function messagesFor(language: Language): Messages {
  return byLanguage[language]
}

/**
 * The reader's language from the browser's list (`navigator.languages`):
 * the first Chinese or English entry decides; English when neither is
 * there.
 */
export function pickLanguage(languages: readonly string[]): Language {
  const first = languages.find((lang) => /^(zh|en)\b/i.test(lang)) ?? 'en'
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

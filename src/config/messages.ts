import { readingEn, readingZh } from './reading-messages.ts'

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
  ...readingEn,
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
  ...readingZh,
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

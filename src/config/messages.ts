import { type Language } from './languages.ts'
import { readingEn, readingZh } from './reading-messages.ts'

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
  ...readingEn,
  settings: 'Settings',
  theme: 'Theme',
  themes: { system: 'System', light: 'Light', dark: 'Dark' },
  textSize: 'Text size',
  textSizes: {
    small: 'Small',
    default: 'Default',
    large: 'Large',
    larger: 'Larger',
    largest: 'Largest',
  },
  lineWidth: 'Line width',
  lineWidths: { narrow: 'Narrow', normal: 'Normal', wide: 'Wide' },
  bodyFont: 'Body font',
  bodyFonts: { sans: 'Sans-serif', serif: 'Serif' },
  language: 'Language',
  settingsNotKept:
    'This browser does not let Zixun store settings: they last until the page is closed.',
  keyboardShortcuts: 'Keyboard shortcuts',
  close: 'Close',
  keyGroups: {
    general: 'General',
    list: 'Lists',
    article: 'Article',
    go: 'Go to',
  },
  keyThen: 'then',
  keyOr: 'or',
  keys: {
    nextCard: 'Next article in the list',
    previousCard: 'Previous article in the list',
    openCard: 'Open the article',
    openOriginal: 'Open the original in a new tab',
    nextArticle: 'Next article',
    previousArticle: 'Previous article',
    backToList: 'Back to the list',
    goHome: 'All articles',
    goSaved: 'Saved articles',
    showShortcuts: 'Show keyboard shortcuts',
    closeCategories: 'Close the category list',
    closeOverlays: 'Close dialogs and menus',
  },
  search: 'Search',
  searchTitle: 'Search',
  searchResultsFor: (query: string) => `Results for “${query}”`,
  searchIn: (category: string) => `in ${category}`,
  searchEverywhere: 'Search all categories',
  searchInCategory: 'Search in this category',
  searchSaved: 'Search saved articles',
  searchInSaved: 'in saved articles',
  searchAllArticles: 'Search all articles',
  searchEmptySaved: 'Type a word to search your saved articles.',
  searchNoneSaved: 'Nothing is saved yet, so there is nothing to search here.',
  searchSavedMissing: (n: number) =>
    n === 1
      ? '1 saved article could not be read (offline, and not kept on this device yet).'
      : `${n} saved articles could not be read (offline, and not kept on this device yet).`,
  searchBudget: (checked: number) =>
    `Still looking: ${checked.toLocaleString('en')} articles checked so far.`,
  searchMore: 'Search further',
  searchNoCategory: (category: string) =>
    `There is no category “${category}”: searching all categories.`,
  searchCount: (n: number, exact: boolean) =>
    n === 0
      ? 'No results'
      : `${exact ? '' : 'About '}${n.toLocaleString('en')} ${n === 1 ? 'result' : 'results'}`,
  searchEmpty: 'Type a word or a name to search every article.',
  searchEmptyIn: (category: string) => `Type a word to search in ${category}.`,
  searchNoWords:
    'There is nothing to search for in that: use letters, digits or Chinese characters.',
  searchOnlyExcluded:
    'Add a word to look for: a query with only excluded words (-word) finds nothing.',
  searchNoResults: (query: string) => `Nothing found for “${query}”.`,
  searchHint:
    'Try fewer words, another spelling, or remove quotes and -exclusions. Traditional and Simplified Chinese are searched as written (資訊 does not find 资讯).',
  searchTruncated: (n: number) =>
    `Only the first ${n} characters of the query were searched.`,
  searchFailed: 'The search could not load part of its index.',
  searchMoreFailed: 'Could not load more results.',
  searching: 'Searching…',
  searchEnd: 'No more results.',
  searchSort: 'Sort by',
  sortRelevance: 'Relevance',
  sortNewest: 'Newest',
  searchSyntax:
    'Words are all required; "quotes" keep a phrase together, -word leaves a word out.',
}

export type Messages = typeof en

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  'zh-CN': '中文',
  en: 'English',
}

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
  ...readingZh,
  settings: '设置',
  theme: '主题',
  themes: { system: '跟随系统', light: '浅色', dark: '深色' },
  textSize: '字号',
  textSizes: {
    small: '小',
    default: '标准',
    large: '大',
    larger: '较大',
    largest: '最大',
  },
  lineWidth: '行宽',
  lineWidths: { narrow: '窄', normal: '标准', wide: '宽' },
  bodyFont: '正文字体',
  bodyFonts: { sans: '无衬线', serif: '衬线' },
  language: '语言',
  settingsNotKept: '此浏览器不允许资讯保存设置：关闭页面后会恢复默认。',
  keyboardShortcuts: '键盘快捷键',
  close: '关闭',
  keyGroups: {
    general: '通用',
    list: '列表',
    article: '文章',
    go: '跳转',
  },
  keyThen: '然后',
  keyOr: '或',
  keys: {
    nextCard: '列表中的下一篇',
    previousCard: '列表中的上一篇',
    openCard: '打开文章',
    openOriginal: '在新标签页打开原文',
    nextArticle: '下一篇',
    previousArticle: '上一篇',
    backToList: '返回列表',
    goHome: '全部文章',
    goSaved: '收藏的文章',
    showShortcuts: '显示键盘快捷键',
    closeCategories: '收起分类列表',
    closeOverlays: '关闭对话框和菜单',
  },
  search: '搜索',
  searchTitle: '搜索',
  searchResultsFor: (query: string) => `“${query}”的搜索结果`,
  searchIn: (category: string) => `范围：${category}`,
  searchEverywhere: '搜索全部分类',
  searchInCategory: '在此分类中搜索',
  searchSaved: '搜索收藏的文章',
  searchInSaved: '范围：收藏的文章',
  searchAllArticles: '搜索全部文章',
  searchEmptySaved: '输入词语，搜索收藏的文章。',
  searchNoneSaved: '还没有收藏任何文章，这里没有可搜索的内容。',
  searchSavedMissing: (n: number) =>
    `${n} 篇收藏的文章无法读取（离线，且尚未保存在本设备上）。`,
  searchBudget: (checked: number) =>
    `仍在查找：已检查 ${checked.toLocaleString('zh-CN')} 篇文章。`,
  searchMore: '继续搜索',
  searchNoCategory: (category: string) =>
    `没有“${category}”这个分类，已搜索全部分类。`,
  searchCount: (n: number, exact: boolean) =>
    n === 0
      ? '没有结果'
      : `${exact ? '' : '约 '}${n.toLocaleString('zh-CN')} 条结果`,
  searchEmpty: '输入词语或名称，搜索全部文章。',
  searchEmptyIn: (category: string) => `输入词语，在“${category}”中搜索。`,
  searchNoWords: '这里没有可搜索的内容：请使用字母、数字或汉字。',
  searchOnlyExcluded:
    '请加上要查找的词：只有排除词（-词）的搜索找不到任何内容。',
  searchNoResults: (query: string) => `没有找到“${query}”。`,
  searchHint:
    '试试减少词语、换一种写法，或去掉引号和排除词。繁体与简体按原文搜索（“資訊”不会找到“资讯”）。',
  searchTruncated: (n: number) => `只搜索了前 ${n} 个字符。`,
  searchFailed: '搜索索引的一部分加载失败。',
  searchMoreFailed: '更多结果加载失败。',
  searching: '搜索中…',
  searchEnd: '没有更多结果了。',
  searchSort: '排序',
  sortRelevance: '相关度',
  sortNewest: '最新',
  searchSyntax:
    '所有词都必须出现；用英文引号括起短语（"开源 软件"）按原样搜索，用 -词 排除某个词。',
}

const byLanguage: Record<Language, Messages> = { 'zh-CN': zh, en }

/** The interface text of `language`. */
export function messagesFor(language: Language): Messages {
  return byLanguage[language]
}

import { shellRoutes } from '../../src/config/paths.ts'
import { SHELL_PATH } from '../../src/config/shell.ts'
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  securityHeaders,
  serviceWorkerHeaders,
  subresourceHeaders,
} from './headers.ts'

const INDENT = '    '

function addHeaders(
  cache: string,
  always: boolean,
  headers = securityHeaders(),
): string[] {
  const flag = always ? ' always' : ''
  return [
    `add_header Cache-Control "${cache}"${flag};`,
    ...Object.entries(headers).map(
      ([name, value]) => `add_header ${name} "${value}" always;`,
    ),
  ]
}

function location(match: string, comment: string, body: string[]): string {
  return [
    `# ${comment}`,
    `location ${match} {`,
    ...body.map((line) => INDENT + line),
    '}',
  ].join('\n')
}

const HEADER = `# Zixun: nginx rules for serving dist/ (the reader, its data, the
# prerendered pages). GENERATED from scripts/hosting/nginx-config.ts
# and src/lib/csp.ts by \`npm run deploy:nginx-config\`; a unit test fails
# when this file is stale. Edit the generator, not this file.
#
# Include it inside your server block, after root:
#
#   server {
#       listen 80;
#       server_name news.example;
#       root /srv/zixun/dist;
#       include /etc/nginx/snippets/zixun.conf;
#   }
#
# \`npm run serve:nginx -- --dist <dir> --port <port>\` runs it locally.`

/**
 * The server-level nginx configuration of `deploy/nginx.conf`: the
 * prerendered first screen of `/` and of categories, prerendered `/a/<id>`
 * pages with a real 404 for unknown ids, the data-free shell for every
 * other reader route (`SHELL_PATH`), 404 (not HTML) for missing assets and data, immutable
 * caching for hashed files, revalidation for the rest, gzip, and the
 * security headers on every response. nginx drops inherited `add_header`s
 * in any block that adds its own, so each location repeats them.
 */
export function renderNginxConfig(): string {
  const html = addHeaders(CACHE_REVALIDATE, true)
  // Code and data (decision 033): no page headers.
  const revalidatedData = addHeaders(
    CACHE_REVALIDATE,
    true,
    subresourceHeaders(),
  )
  const hashedCodeAndData = addHeaders(
    CACHE_IMMUTABLE,
    false,
    subresourceHeaders(),
  )
  const blocks = [
    HEADER,
    [
      'charset utf-8;',
      'server_tokens off;',
      'absolute_redirect off;',
      '',
      '# The build writes .gz (and .br) beside the code, the HTML of the shell',
      '# and prerendered lists, the manifest and first list pages: sent as they',
      '# are. Everything else is compressed on the fly.',
      'gzip_static on;',
      '# With ngx_brotli loaded (Debian: libnginx-mod-http-brotli-static), add:',
      '#   brotli_static on;',
      'gzip on;',
      'gzip_vary on;',
      'gzip_comp_level 5;',
      'gzip_min_length 512;',
      // application/octet-stream: the search index's .bin files.
      'gzip_types text/css text/plain text/xml application/javascript application/json application/feed+json application/rss+xml application/xml image/svg+xml application/octet-stream;',
      '',
      '# Unknown pages get the data-free app shell with status 404: the app',
      '# shows its 404 view. Missing assets and data override this with a bare 404.',
      `error_page 404 ${SHELL_PATH};`,
    ].join('\n'),
    location(
      `= ${SHELL_PATH}`,
      'The data-free app shell (src/config/shell.ts): always revalidated.',
      html,
    ),
    location(
      '= /index.html',
      'The home page: its first screen prerendered (the shell without data).',
      html,
    ),
    ...shellRoutes.map((route) => {
      const where = `Reader route (${route.what}), from shellRoutes in src/config/paths.ts`
      const noindex = route.noindex
        ? ['add_header X-Robots-Tag "noindex" always;']
        : []
      if (route.path === '/') {
        return location(
          '= /',
          `${where}:\n# the prerendered first screen, status 200.`,
          ['try_files /index.html =404;', ...html, ...noindex],
        )
      }
      if (route.match === 'prefix') {
        return location(
          route.path,
          `${where}:\n# the prerendered first screen where the build wrote one\n# (c/<names>/index.html, the URL decoded), else the shell, status 200\n# (unknown ones show the app’s 404 view). A name holding "/" is sent as\n# %2F, which nginx decodes too: it never has a page of its own.`,
          [
            `if ($request_uri ~* "^${route.path}[^?]*%2f") {`,
            `${INDENT}rewrite ^ ${SHELL_PATH} last;`,
            '}',
            `try_files $uri/index.html ${SHELL_PATH};`,
            ...html,
            ...noindex,
          ],
        )
      }
      return location(
        `= ${route.path}`,
        `${where}:\n# the data-free shell, status 200${route.noindex ? '; not for search engines' : ''}.`,
        [`try_files ${SHELL_PATH} =404;`, ...html, ...noindex],
      )
    }),
    location(
      '~ "^/a/(?<article_id>[A-Za-z0-9_-]{1,96})/?$"',
      'Articles: the prerendered page, else the shell (articles beyond\n# ZIXUN_PRERENDER_LIMIT); a real 404 when the article does not exist.',
      [
        'if (!-f $document_root/data/articles/$article_id.json) {',
        `${INDENT}return 404;`,
        '}',
        `try_files /a/$article_id/index.html ${SHELL_PATH};`,
        ...html,
      ],
    ),
    location('/a/', 'Anything else under /a/ is not an article.', [
      'return 404;',
    ]),
    location(
      '= /sw.js',
      'The service worker: revalidated on every check, so an update is seen\n# at once; a worker gets its CSP from its own response.',
      [
        'try_files $uri =404;',
        'error_page 404 @missing;',
        ...addHeaders(CACHE_REVALIDATE, true, serviceWorkerHeaders()),
      ],
    ),
    location('= /manifest.webmanifest', 'The web app manifest.', [
      'types { }',
      'default_type application/manifest+json;',
      'try_files $uri =404;',
      ...html,
    ]),
    location(
      '/assets/',
      'Hashed build output (our JS and CSS): cached for a year.',
      [
        'try_files $uri =404;',
        'error_page 404 @missing;',
        ...hashedCodeAndData,
      ],
    ),
    location(
      '= /data/search/index.json',
      'The search index’s entry point: a stable name, revalidated.',
      ['try_files $uri =404;', 'error_page 404 @missing;', ...revalidatedData],
    ),
    location(
      '~ ^/data/(pages|categories|search)/',
      'List pages live in folders named by a hash of their content; the search\n# index’s files are named by theirs. JSON and index files: no page headers.',
      [
        'try_files $uri =404;',
        'error_page 404 @missing;',
        ...hashedCodeAndData,
      ],
    ),
    location(
      '^~ /data/images/',
      'Mirrored images, named by a hash of their content. They come from other\n# sites (an SVG may hold script), so they carry the page headers.',
      [
        'try_files $uri =404;',
        'error_page 404 @missing;',
        ...addHeaders(CACHE_IMMUTABLE, false),
      ],
    ),
    location(
      '/data/',
      'manifest.json, articles/<id>.json: stable names, revalidated.',
      ['try_files $uri =404;', 'error_page 404 @missing;', ...revalidatedData],
    ),
    location('= /feed.json', 'JSON Feed of the newest articles.', [
      'types { }',
      'default_type application/feed+json;',
      ...html,
    ]),
    location('= /rss.xml', 'RSS of the newest articles.', [
      'types { }',
      'default_type application/rss+xml;',
      ...html,
    ]),
    location(
      '/',
      'Other files (favicon, sitemap, robots.txt); unknown paths: 404 view.',
      ['try_files $uri =404;', ...html],
    ),
    location('@missing', 'A missing asset or data file: a plain 404.', [
      'types { }',
      'default_type text/plain;',
      ...addHeaders(CACHE_REVALIDATE, true),
      'return 404 "Not found\\n";',
    ]),
  ]
  return `${blocks.join('\n\n')}\n`
}

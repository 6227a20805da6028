import { existsSync } from 'node:fs'
import path from 'node:path'

export type MainConfigOptions = {
  port: number
  /** The build to serve. */
  root: string
  /** Where pid, logs and temp files go. */
  prefix: string
  /** deploy/nginx.conf. */
  include: string
  /** Workers stay root (they must read the build, which may be private). */
  runAsRoot: boolean
  /** Debian's MIME table; a minimal one when it is missing. */
  mimeTypes?: string
  /** ngx_brotli's static module; `brotli_static on` when the file exists. */
  brotliModule?: string
}

/** Where Debian's libnginx-mod-http-brotli-static puts the module. */
export const BROTLI_STATIC_MODULE =
  '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'

/**
 * Whether serve:nginx loads ngx_brotli (and sets `brotli_static on` for
 * every site it serves): the module's file is there.
 */
export function loadsBrotli(module: string = BROTLI_STATIC_MODULE): boolean {
  return existsSync(module)
}

const FALLBACK_TYPES = `types {
        text/html html;
        text/css css;
        application/javascript js mjs;
        application/json json;
        image/svg+xml svg;
        text/xml xml;
        text/plain txt;
        image/png png;
        image/jpeg jpg jpeg;
        image/webp webp;
    }`

/**
 * A complete nginx.conf for a local, foreground server on 127.0.0.1 that
 * includes `deploy/nginx.conf` in its one server block, with every
 * writable path under `prefix`, and `brotli_static` where the host has
 * the module (scripts/ensure-system-deps.sh installs it).
 */
export function renderMainConfig(options: MainConfigOptions): string {
  const { port, root, prefix, include, runAsRoot } = options
  const mime = options.mimeTypes ?? '/etc/nginx/mime.types'
  const brotli = options.brotliModule ?? BROTLI_STATIC_MODULE
  const hasBrotli = loadsBrotli(brotli)
  const temp = (name: string) => path.join(prefix, 'temp', name)
  return `${hasBrotli ? `load_module ${brotli};\n` : ''}${runAsRoot ? 'user root;\n' : ''}daemon off;
master_process on;
worker_processes 1;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')} warn;

events {
    worker_connections 256;
}

http {
    ${existsSync(mime) ? `include ${mime};` : FALLBACK_TYPES}
    default_type application/octet-stream;
    access_log ${path.join(prefix, 'access.log')};
    sendfile on;
${hasBrotli ? '    # The .br files the build writes (deploy/nginx.conf has gzip_static).\n    brotli_static on;\n' : ''}    client_body_temp_path ${temp('client_body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};

    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        root ${root};
        include ${include};
    }
}
`
}

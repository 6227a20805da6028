/**
 * The ports of the e2e servers (playwright.config.ts and
 * playwright.corpora.config.ts): the reader on its corpus (vite preview),
 * the XSS build, and the reader's build behind nginx. Each helper or CI job
 * sets its own E2E_PORT, E2E_XSS_PORT and E2E_NGINX_PORT.
 */
export const e2ePorts = {
  app: Number(process.env.E2E_PORT ?? 4174),
  xss: Number(process.env.E2E_XSS_PORT ?? 4176),
  nginx: Number(process.env.E2E_NGINX_PORT ?? 4175),
}

/** `http://127.0.0.1:<port>` for each server. */
export const e2eOrigins = {
  app: `http://127.0.0.1:${e2ePorts.app}`,
  xss: `http://127.0.0.1:${e2ePorts.xss}`,
  nginx: `http://127.0.0.1:${e2ePorts.nginx}`,
}

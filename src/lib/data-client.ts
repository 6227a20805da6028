/** A failed data request: `status` is the HTTP status, 0 for network errors. */
export class DataError extends Error {
  override name = 'DataError'
  readonly status: number
  readonly url: string

  constructor(message: string, status: number, url: string) {
    super(message)
    this.status = status
    this.url = url
  }

  get isNotFound(): boolean {
    return this.status === 404
  }
}

/**
 * Fetches a data file: a request that gets no answer rejects with a
 * DataError of status 0 (an aborted one with its abort).
 */
export async function fetchData(
  url: string,
  init?: RequestInit,
): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (error) {
    if (init?.signal?.aborted) throw error
    throw new DataError(`Network error while loading ${url}`, 0, url)
  }
}

/** `response` when its status is a success; else a DataError with that status. */
export function successful(response: Response, url: string): Response {
  if (!response.ok) {
    throw new DataError(
      `${response.status} while loading ${url}`,
      response.status,
      url,
    )
  }
  return response
}

/**
 * Fetches a JSON file of the data contract and checks its shape.
 * A non-JSON answer counts as "not found": static hosts answer unknown
 * files with their HTML fallback page and status 200.
 */
export async function fetchJson<T>(
  url: string,
  parse: (value: unknown) => T,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetchData(url, {
    signal,
    headers: { accept: 'application/json' },
  })
  return readJson(response, url, parse)
}

/**
 * A data file's response as JSON of the shape `parse` checks: a failed
 * status rejects with it, a non-JSON answer counts as "not found".
 */
export async function readJson<T>(
  response: Response,
  url: string,
  parse: (value: unknown) => T,
): Promise<T> {
  successful(response, url)
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) {
    throw new DataError(`Not found: ${url}`, 404, url)
  }
  return parse(await response.json())
}

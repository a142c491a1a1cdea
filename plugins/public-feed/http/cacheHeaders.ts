import type { FeedSettings } from './feedRuntime'
import { etagOf, type CachedResponse } from './responseCache'
import type { FeedRequest, FeedResponse } from './types'

/** `public, max-age, stale-while-revalidate` for answers that any cache may keep. */
export const publicCacheControl = ({ cacheControl }: FeedSettings): string =>
  `public, max-age=${cacheControl.maxAge}, stale-while-revalidate=${cacheControl.staleWhileRevalidate}`

const matches = (ifNoneMatch: string | undefined, etag: string): boolean =>
  ifNoneMatch !== undefined &&
  ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim()
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`
  })

/** A cacheable success as an HTTP answer: 304 when the client already holds these bytes. */
export const conditionalAnswer = (
  request: FeedRequest,
  entry: CachedResponse,
  settings: FeedSettings,
): FeedResponse => {
  const headers: Record<string, string> = {
    ...entry.headers,
    etag: entry.etag,
    'cache-control': publicCacheControl(settings),
    vary: 'Accept, Accept-Encoding',
  }
  if (matches(request.header('if-none-match'), entry.etag)) {
    // A 304 carries the validators and caching headers, not the body's type.
    const notModified = { ...headers }
    delete notModified['content-type']
    return { status: 304, headers: notModified, body: null }
  }
  return { status: entry.status, headers, body: entry.body }
}

export const cacheEntry = (
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): CachedResponse => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body
  return { status, headers, body: bytes, etag: etagOf(bytes) }
}

import type { Target } from './cell'
import { feedPath, payloadGraphqlQuery, payloadRestPath } from './queries'

export const variantNames = [
  'raw',
  'feed',
  'feed_cached',
  'feed_304',
  'payload_graphql',
  'payload_rest',
  'local_api',
] as const
export type VariantName = (typeof variantNames)[number]

/** Which process serves a variant: the raw server, the hub with its response cache off or on. */
export type Role = 'raw' | 'hub' | 'hubCached' | 'worker'

export const roleOf: Record<VariantName, Role> = {
  raw: 'raw',
  feed: 'hub',
  feed_cached: 'hubCached',
  feed_304: 'hubCached',
  payload_graphql: 'hub',
  payload_rest: 'hub',
  local_api: 'worker',
}

/** The HTTP request of each variant at a page size (`etag` for the conditional GET). */
export const targetOf = (
  variant: Exclude<VariantName, 'local_api'>,
  size: number,
  etag?: string,
): Target => {
  switch (variant) {
    case 'raw':
      return { method: 'GET', path: `/raw?first=${size}`, expectStatus: 200 }
    case 'feed':
    case 'feed_cached':
      return { method: 'GET', path: feedPath(size), expectStatus: 200 }
    case 'feed_304':
      if (!etag) throw new Error('feed_304 needs the ETag of the cached answer')
      return {
        method: 'GET',
        path: feedPath(size),
        headers: { 'if-none-match': etag },
        expectStatus: 304,
      }
    case 'payload_graphql':
      return {
        method: 'POST',
        path: '/api/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: payloadGraphqlQuery(size) }),
        expectStatus: 200,
      }
    case 'payload_rest':
      return { method: 'GET', path: payloadRestPath(size), expectStatus: 200 }
  }
}

/** One request outside the load generator: status, headers and body. */
export const fetchOnce = async (origin: string, target: Target) => {
  const response = await fetch(`${origin}${target.path}`, {
    method: target.method,
    headers: target.headers,
    body: target.body,
  })
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, body }
}

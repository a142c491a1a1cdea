import { cacheEntry, conditionalAnswer } from './cacheHeaders'
import type { FeedRoute } from './types'

/**
 * Response cache, ETag/304 and Cache-Control for a route whose answer depends only on its URL
 * (calendar and syndication feeds), keyed by origin and URL under the current revision.
 */
export const cachedRoute = (route: FeedRoute): FeedRoute => ({
  ...route,
  handle: async (request, runtime) => {
    const revision = await runtime.revisions.revision()
    const key = `${runtime.publicUrl(request)}${request.url.pathname}${request.url.search}`
    const enabled = runtime.settings.responseCacheEnabled
    const hit = enabled ? runtime.responses.get(key, revision) : undefined
    if (hit) return conditionalAnswer(request, hit, runtime.settings)
    const response = await route.handle(request, runtime)
    if (response.status !== 200 || response.body === null) {
      return { ...response, headers: { ...response.headers, 'cache-control': 'no-store' } }
    }
    const entry = cacheEntry(200, response.headers, response.body)
    if (enabled) runtime.responses.set(key, revision, entry)
    return conditionalAnswer(request, entry, runtime.settings)
  },
})

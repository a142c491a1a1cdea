import type { FeedRoute } from '../http/types'
import { requestLocale } from './requestLocale'
import type { SyndicationFeedInput } from './syndicationFeed'
import { homepageOf, syndicationItems } from './syndicationItems'

/**
 * `GET /api/feed/<file>[?locale=en]`: the newest published projects and stories in one
 * format. English texts fall back to German where a translation is missing.
 */
export const syndicationRoute = (
  file: string,
  contentType: string,
  render: (input: SyndicationFeedInput) => string,
): FeedRoute => ({
  method: 'get',
  path: `/feed/${file}`,
  // public: anonymous read of published projects and stories only
  cacheable: true,
  handle: async (request, runtime) => {
    const choice = requestLocale(request)
    if ('refused' in choice) return choice.refused
    const { locale } = choice
    const homepage = homepageOf(request, runtime)
    const items = await syndicationItems(runtime, homepage, locale)
    return {
      status: 200,
      headers: { 'content-type': `${contentType}; charset=utf-8` },
      body: render({ request, runtime, locale, homepage, items }),
    }
  },
})

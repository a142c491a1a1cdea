import { feedFiles, syndicationFeed } from './syndicationFeed'
import { syndicationRoute } from './syndicationRoute'

/** `GET /api/feed/rss.xml`: RSS 2.0. */
export const rssFeedRoute = syndicationRoute(feedFiles.rss, 'application/rss+xml', (input) =>
  syndicationFeed(input).rss2(),
)

import { feedFiles, syndicationFeed } from './syndicationFeed'
import { syndicationRoute } from './syndicationRoute'

/** `GET /api/feed/atom.xml`: Atom 1.0 (RFC 4287). */
export const atomFeedRoute = syndicationRoute(feedFiles.atom, 'application/atom+xml', (input) =>
  syndicationFeed({ ...input, htmlTitles: true }).atom1(),
)

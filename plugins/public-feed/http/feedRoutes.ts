import { syndicationRoutes } from '../syndication/routes'
import { cachedRoute } from './cachedRoute'
import { graphqlRoutes } from './graphqlRoute'
import type { FeedRoute } from './types'

/** Every public route of the feed, as both hosts (Express and Payload's endpoints) serve it. */
export const feedRoutes: FeedRoute[] = [
  ...graphqlRoutes,
  ...syndicationRoutes.map((route) => (route.cacheable ? cachedRoute(route) : route)),
]

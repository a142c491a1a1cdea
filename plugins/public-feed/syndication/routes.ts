import type { FeedRoute } from '../http/types'
import { atomFeedRoute } from './atomFeed'
import { eventsCalendarRoute } from './eventsCalendar'
import { jsonFeedRoute } from './jsonFeed'
import { rssFeedRoute } from './rssFeed'

/** Calendar and syndication feeds: events as iCalendar, projects and stories as RSS/Atom/JSON. */
export const syndicationRoutes: FeedRoute[] = [
  eventsCalendarRoute,
  rssFeedRoute,
  atomFeedRoute,
  jsonFeedRoute,
]

import type { FeedCollection, FeedLimits } from './types'

/** Where the feed lives, under Payload's `/api` prefix. */
export const feedBasePath = '/feed'
export const graphqlPath = `${feedBasePath}/graphql`

export const changesSlug = 'feed-changes'
export const revisionSlug = 'feed-revision'
export const webhooksSlug = 'feed-webhooks'
export const deliveriesSlug = 'feed-webhook-deliveries'
export const deliverWebhookTaskSlug = 'feedDeliverWebhook'
export const webhookQueue = 'feed-webhooks'

/** Collections whose changes are visible in the feed (they purge the response cache). */
export const feedCollections: FeedCollection[] = ['projects', 'events', 'members', 'stories']
/**
 * Compound indexes for the feed's lists: published documents in their list order, so that a
 * page is read from the index, not sorted from the table (without planner statistics SQLite
 * otherwise picks the `_status` index and sorts every published row).
 */
export const feedIndexes: Record<FeedCollection, string[][]> = {
  projects: [['_status', 'publishedAt']],
  events: [
    ['_status', 'startsAt'],
    ['_status', 'publishedAt'],
  ],
  members: [['_status', 'name']],
  stories: [['_status', 'publishedAt']],
}

/** Collections that only appear inside feed items (participants, images). */
export const referencedCollections = ['partners', 'media'] as const

export const defaultLimits: FeedLimits = {
  maxPageSize: 100,
  maxDepth: 8,
  maxAliases: 30,
  maxCost: 5000,
  maxQueryBytes: 8 * 1024,
  rateLimitPerMinute: 600,
}

export const defaultPageSize = 20
export const defaultCacheControl = { maxAge: 60, staleWhileRevalidate: 300 }
export const defaultRevisionPollMs = 250

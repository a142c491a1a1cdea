/** The content types the feed publishes, by the collection that stores them. */
export type FeedCollection = 'projects' | 'events' | 'members' | 'stories'

/** What happened to a piece of public content, as frontends and webhooks see it. */
export type FeedAction = 'created' | 'updated' | 'removed'

/** One visible change: recorded for `changesSince`, sent to webhook subscribers. */
export type FeedChange = {
  collection: FeedCollection
  /** The document's id (internal: the change log finds a document's address by it). */
  id: number | string
  slug: string
  action: FeedAction
  /** The locale that was edited; `null` when the whole document changed (publish, removal). */
  locale: string | null
  at: string
}

export type FeedLimits = {
  /** Largest `first` of a connection. */
  maxPageSize: number
  /** Deepest field nesting of a query. */
  maxDepth: number
  /** Most aliases in one query. */
  maxAliases: number
  /** Highest estimated cost (fields × page sizes) of one query. */
  maxCost: number
  /** Longest query text, in bytes. */
  maxQueryBytes: number
  /** Requests per client address per minute on `/api/feed/*`. */
  rateLimitPerMinute: number
}

export type PublicFeedOptions = {
  /** Keeps the collections (so the schema stays) but serves and records nothing. */
  disabled?: boolean
  /** Introspection and "Did you mean" suggestions are off in production. */
  production?: boolean
  limits?: Partial<FeedLimits>
  /** `Cache-Control` of feed answers, in seconds. */
  cacheControl?: { maxAge?: number; staleWhileRevalidate?: number }
  /** The in-process response cache; purged whenever the feed revision changes. */
  responseCache?: { enabled?: boolean; maxEntries?: number }
  /** How often each process looks at the shared feed revision, in ms (default 250). */
  revisionPollMs?: number
  /** Absolute URLs in feeds, calendars and images; defaults to the request's origin. */
  serverUrl?: string
  /** Title and description of the RSS/Atom/JSON feeds and the calendar. */
  site?: { title?: string; description?: string; homepage?: string }
  /** The jobs queue that delivers webhooks and how often the server runs it (cron). */
  webhookCron?: string
}

import type { GraphQLSchema } from 'graphql'
import type { Payload } from 'payload'

import { defaultCacheControl, defaultLimits, defaultRevisionPollMs } from '../defaults'
import { buildFeedSchema } from '../schema/buildFeedSchema'
import type { FeedLimits, PublicFeedOptions } from '../types'
import { ResponseCache } from './responseCache'
import { RevisionWatcher } from './revisionWatcher'
import type { FeedRequest } from './types'
import { QueryCache } from './queryCache'

/** Where the plugin leaves its options in `config.custom` for the runtime to find. */
export const optionsKey = 'publicFeed'

export type FeedSettings = {
  production: boolean
  limits: FeedLimits
  cacheControl: { maxAge: number; staleWhileRevalidate: number }
  responseCacheEnabled: boolean
  serverUrl?: string
  site: { title: string; description: string; homepage?: string }
}

/** Everything a process needs to serve the feed; built once per Payload instance. */
export type FeedRuntime = {
  payload: Payload
  settings: FeedSettings
  schema: GraphQLSchema
  queries: QueryCache
  responses: ResponseCache
  revisions: RevisionWatcher
  /** The absolute origin for links: `serverUrl`, else the request's own. */
  publicUrl: (request: FeedRequest) => string
}

const runtimes = new WeakMap<Payload, FeedRuntime>()

const settingsOf = (options: PublicFeedOptions): FeedSettings => ({
  production: options.production ?? process.env.NODE_ENV === 'production',
  limits: { ...defaultLimits, ...options.limits },
  cacheControl: { ...defaultCacheControl, ...options.cacheControl },
  responseCacheEnabled: options.responseCache?.enabled ?? true,
  serverUrl: options.serverUrl?.replace(/\/$/, ''),
  site: {
    title: options.site?.title ?? 'ITnet Thüringen',
    description:
      options.site?.description ?? 'Projekte, Veranstaltungen und Geschichten aus dem Netzwerk',
    homepage: options.site?.homepage,
  },
})

/** The feed of this Payload instance; the schema is built on the first call (at start-up). */
export const getFeedRuntime = (payload: Payload): FeedRuntime => {
  const existing = runtimes.get(payload)
  if (existing) return existing
  const options = (payload.config.custom?.[optionsKey] ?? {}) as PublicFeedOptions
  const settings = settingsOf(options)
  const schema = buildFeedSchema()
  const responses = new ResponseCache(options.responseCache?.maxEntries ?? 5000)
  const revisions = new RevisionWatcher(
    payload,
    options.revisionPollMs ?? defaultRevisionPollMs,
    (revision) => responses.setRevision(revision),
  )
  const runtime: FeedRuntime = {
    payload,
    settings,
    schema,
    queries: new QueryCache(schema, settings),
    responses,
    revisions,
    // Cached answers are keyed by this origin, so a forged Host header cannot poison them.
    publicUrl: (request) => settings.serverUrl ?? request.url.origin,
  }
  runtimes.set(payload, runtime)
  return runtime
}

import type { CollectionConfig, Config, Plugin } from 'payload'

import { feedChangesCollection } from './collections/feedChanges'
import { feedRevisionGlobal } from './collections/feedRevision'
import { deliveriesCollection, webhooksCollection } from './collections/webhooks'
import { feedCollections, feedIndexes, referencedCollections, webhookQueue } from './defaults'
import { bumpOnChange, bumpOnDelete } from './hooks/bumpOnChange'
import { recordFeedChange, recordFeedRemoval } from './hooks/recordFeedChange'
import { feedEndpoints } from './http/payloadEndpoints'
import { optionsKey } from './http/feedRuntime'
import type { FeedCollection, PublicFeedOptions } from './types'
import { deliverWebhookTask } from './webhooks/deliverWebhookTask'

export type { PublicFeedOptions } from './types'

const withHooks = (collection: CollectionConfig): CollectionConfig => {
  const hooks = collection.hooks ?? {}
  if ((feedCollections as string[]).includes(collection.slug)) {
    const slug = collection.slug as FeedCollection
    return {
      ...collection,
      indexes: [...(collection.indexes ?? []), ...feedIndexes[slug].map((fields) => ({ fields }))],
      hooks: {
        ...hooks,
        afterChange: [...(hooks.afterChange ?? []), recordFeedChange(slug)],
        afterDelete: [...(hooks.afterDelete ?? []), recordFeedRemoval(slug)],
      },
    }
  }
  if ((referencedCollections as readonly string[]).includes(collection.slug)) {
    return {
      ...collection,
      hooks: {
        ...hooks,
        afterChange: [...(hooks.afterChange ?? []), bumpOnChange],
        afterDelete: [...(hooks.afterDelete ?? []), bumpOnDelete],
      },
    }
  }
  return collection
}

/**
 * The public feed: a read-only GraphQL schema of published content at `/api/feed/graphql`,
 * calendar and syndication feeds beside it, a change log for app sync, a revision stamp that
 * purges every process's cache, and signed webhooks for static frontends.
 */
export const publicFeed =
  (options: PublicFeedOptions = {}): Plugin =>
  (config: Config): Config => {
    const existingAutoRun = config.jobs?.autoRun
    const feedConfig: Config = {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) =>
          options.disabled ? collection : withHooks(collection),
        ),
        feedChangesCollection,
        webhooksCollection,
        deliveriesCollection,
      ],
      globals: [...(config.globals ?? []), feedRevisionGlobal],
      custom: { ...config.custom, [optionsKey]: options },
    }
    if (options.disabled) return feedConfig
    return {
      ...feedConfig,
      endpoints: [...(config.endpoints ?? []), ...feedEndpoints],
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), deliverWebhookTask],
        // Deliveries run on the server's own queue runner, with retries and backoff.
        autoRun: async (payload) => [
          ...(typeof existingAutoRun === 'function'
            ? await existingAutoRun(payload)
            : (existingAutoRun ?? [])),
          { cron: options.webhookCron ?? '* * * * *', queue: webhookQueue, limit: 20 },
        ],
      },
    }
  }

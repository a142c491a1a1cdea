import type { CollectionSlug, PayloadRequest } from 'payload'

import { deliverWebhookTaskSlug, webhookQueue, webhooksSlug } from '../defaults'
import type { FeedChange } from '../types'

/** The JSON body every subscriber receives for one change. */
export type WebhookEvent = {
  type: FeedChange['collection']
  slug: string
  locale: string | null
  action: FeedChange['action']
  at: string
}

/**
 * Queues one delivery per active subscription to the change's type, in the transaction of
 * the write that caused it: a change that rolls back sends nothing.
 */
export const queueWebhookDeliveries = async (
  req: PayloadRequest,
  change: FeedChange,
): Promise<void> => {
  const subscriptions = await req.payload.find({
    collection: webhooksSlug as CollectionSlug,
    where: { and: [{ active: { equals: true } }, { types: { in: [change.collection] } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const event: WebhookEvent = {
    type: change.collection,
    slug: change.slug,
    locale: change.locale,
    action: change.action,
    at: change.at,
  }
  for (const subscription of subscriptions.docs) {
    await req.payload.jobs.queue({
      task: deliverWebhookTaskSlug as never,
      queue: webhookQueue,
      input: { webhook: String(subscription.id), event } as never,
      req,
    })
  }
}

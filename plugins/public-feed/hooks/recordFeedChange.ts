import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import { changesSlug } from '../defaults'
import type { FeedAction, FeedChange, FeedCollection } from '../types'
import { bumpFeedRevision } from '../utilities/feedRevision'
import { queueWebhookDeliveries } from '../webhooks/queueDeliveries'

type Doc = { id: number | string; slug?: string; _status?: string }
type ChangeRow = { id: number | string; key: string; slug: string; action: FeedAction }

const keyOf = (collection: string, slug: string) => `${collection}:${slug}`

/** The change-log row of the document's current public address, if it is public. */
const liveRow = async (req: PayloadRequest, collection: string, id: Doc['id']) => {
  const rows = await req.payload.find({
    collection: changesSlug as CollectionSlug,
    where: {
      and: [
        { type: { equals: collection } },
        { docId: { equals: String(id) } },
        { action: { not_equals: 'removed' } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return rows.docs[0] as unknown as ChangeRow | undefined
}

const writeRow = async (
  req: PayloadRequest,
  collection: FeedCollection,
  id: Doc['id'],
  slug: string,
  action: FeedAction,
  at: string,
) => {
  const key = keyOf(collection, slug)
  const existing = await req.payload.find({
    collection: changesSlug as CollectionSlug,
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const row = existing.docs[0] as unknown as (ChangeRow & { firstPublishedAt: string }) | undefined
  // A slug that comes back after a removal starts a new public life.
  const firstPublishedAt = row && row.action !== 'removed' ? row.firstPublishedAt : at
  const data = { key, type: collection, slug, docId: String(id), action, firstPublishedAt, at }
  if (row) {
    await req.payload.update({
      collection: changesSlug as CollectionSlug,
      id: row.id,
      data: data as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
  } else {
    await req.payload.create({
      collection: changesSlug as CollectionSlug,
      data: data as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
}

const announce = async (req: PayloadRequest, change: FeedChange) => {
  await writeRow(req, change.collection, change.id, change.slug, change.action, change.at)
  await queueWebhookDeliveries(req, change)
}

/** Whether the stored (live) row of the document is published: a draft save leaves it as is. */
const isLive = async (req: PayloadRequest, collection: string, doc: Doc): Promise<boolean> => {
  if (doc._status === 'published') return true
  const stored = await req.payload.db.findOne({
    collection: collection as CollectionSlug,
    where: { id: { equals: doc.id } },
    select: { _status: true },
    req,
  })
  return (stored as Doc | null)?._status === 'published'
}

/**
 * Turns a write into what the public sees: created, updated (also a slug change, which removes
 * the old address) or removed (unpublished). Draft saves of live content change nothing public.
 */
export const recordFeedChange =
  (collection: FeedCollection): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    const document = doc as Doc
    const at = new Date().toISOString()
    const previous = await liveRow(req, collection, document.id)
    const live = await isLive(req, collection, document)
    const base = { collection, id: document.id, at, locale: null }
    if (live && document._status === 'published' && document.slug) {
      if (previous && previous.slug !== document.slug) {
        await announce(req, { ...base, slug: previous.slug, action: 'removed' })
      }
      const renamed = previous && previous.slug !== document.slug
      await announce(req, {
        ...base,
        slug: document.slug,
        action: previous && !renamed ? 'updated' : 'created',
        locale: previous && !renamed ? (req.locale ?? null) : null,
      })
      await bumpFeedRevision(req)
    } else if (!live && previous) {
      await announce(req, { ...base, slug: previous.slug, action: 'removed' })
      await bumpFeedRevision(req)
    }
    return doc
  }

export const recordFeedRemoval =
  (collection: FeedCollection): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const previous = await liveRow(req, collection, (doc as Doc).id)
    if (previous) {
      const at = new Date().toISOString()
      await announce(req, {
        collection,
        id: (doc as Doc).id,
        slug: previous.slug,
        action: 'removed',
        locale: null,
        at,
      })
      await bumpFeedRevision(req)
    }
    return doc
  }

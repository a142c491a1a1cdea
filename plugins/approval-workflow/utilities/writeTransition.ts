import type { CollectionSlug, PayloadRequest } from 'payload'

import { notifyTaskSlug, transitionContextKey, workflowQueue } from '../defaults'
import type { NotifyTarget, WorkflowCollectionOptions, WorkflowContext } from '../types'
import { documentOrganisation } from './organisation'

export type TransitionWrite = {
  /** Who hears of this step by e-mail, if anyone. */
  notify?: NotifyTarget
  collection: CollectionSlug
  collectionOptions: WorkflowCollectionOptions
  /** The latest version the transition started from. */
  doc: Record<string, unknown>
  transition: string
  from: string
  to: string
  userId: number | string | null
  comment: string | null
  workflow: { state: string; submittedBy: unknown; publishAt: string | null }
}

/**
 * Writes the document's new state and records the step (with the version it produced),
 * inside the caller's transaction.
 * Entering the published state publishes the latest version; an unpublishing state takes the
 * live one down; anything else is a new version beside the live one.
 */
export const writeTransition = async (
  req: PayloadRequest,
  write: TransitionWrite,
  { definition, eventsSlug }: WorkflowContext,
) => {
  const { collection, doc } = write
  const publishes = write.to === definition.publishedState
  const unpublishes = definition.unpublishingStates.includes(write.to)
  await req.payload.update({
    collection,
    id: doc.id as string | number,
    data: {
      workflow: write.workflow,
      ...(publishes ? { _status: 'published' } : unpublishes ? { _status: 'draft' } : {}),
    } as never,
    draft: !publishes && !unpublishes,
    depth: 0,
    overrideAccess: true,
    context: { [transitionContextKey]: true },
    req,
  })
  // The version this step produced, for the audit trail.
  const latest = await req.payload.findVersions({
    collection,
    where: { parent: { equals: doc.id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  await req.payload.create({
    collection: eventsSlug as CollectionSlug,
    data: {
      // One step per version read: a second transition that read the same version collides here.
      key: `${collection}:${doc.id}:${String(doc.updatedAt)}`,
      collection,
      document: String(doc.id),
      organisation: String(documentOrganisation(doc, write.collectionOptions) ?? ''),
      transition: write.transition,
      from: write.from,
      to: write.to,
      user: write.userId,
      comment: write.comment,
      version: latest.docs[0] ? String(latest.docs[0].id) : null,
      at: new Date().toISOString(),
    } as never,
    overrideAccess: true,
    req,
  })
  if (write.notify) {
    // Queued in the same transaction: no mail for a step that did not happen.
    await req.payload.jobs.queue({
      task: notifyTaskSlug as never,
      input: {
        collection,
        id: String(doc.id),
        step: write.transition,
        to: write.to,
        target: write.notify,
        comment: write.comment,
      } as never,
      queue: workflowQueue,
      req,
    })
  }
}

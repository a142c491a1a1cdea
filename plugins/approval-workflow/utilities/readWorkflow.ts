import { type CollectionSlug, NotFound, type PayloadRequest } from 'payload'

import { WorkflowError } from '../errors'
import type {
  WorkflowCollectionOptions,
  WorkflowContext,
  WorkflowEventView,
  WorkflowStatus,
} from '../types'
import { belongsToDocument, idOf } from './organisation'
import { availableTransitions, stateOf } from './transitionRules'

type Doc = Record<string, unknown>

/**
 * The latest version of a document as `req.user` may see it (drafts included), or a 404
 * when the caller cannot see it at all.
 */
export const loadVisibleDocument = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string,
) => {
  try {
    return (await req.payload.findByID({
      collection,
      id,
      draft: true,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })) as unknown as Doc
  } catch (error) {
    if (
      error instanceof NotFound ||
      (error as { status?: number }).status === 404 ||
      (error as { status?: number }).status === 403
    ) {
      throw new WorkflowError(
        'WORKFLOW_NOT_FOUND',
        404,
        `No ${collection} document ${id} is visible to you`,
      )
    }
    throw error
  }
}

/** Whether a published version of the document is being served. */
export const isLive = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string | number,
) => {
  const result = await req.payload.find({
    collection,
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    draft: false,
    depth: 0,
    limit: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return result.docs.length > 0
}

export const readHistory = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  id: string | number,
  { eventsSlug }: WorkflowContext,
): Promise<WorkflowEventView[]> => {
  const events = await req.payload.find({
    collection: eventsSlug as CollectionSlug,
    where: { and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }] },
    sort: 'at',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return events.docs.map((event) => {
    const row = event as unknown as Record<string, unknown>
    return {
      transition: String(row.transition),
      from: String(row.from),
      to: String(row.to),
      user: idOf(row.user) ?? null,
      comment: (row.comment as string | null | undefined) ?? null,
      version: (row.version as string | null | undefined) ?? null,
      at: String(row.at),
    }
  })
}

/**
 * The workflow status of a document for the caller: editors and the document's own
 * organisation only (its history holds reviewers' comments).
 */
export const readWorkflowStatus = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  collectionOptions: WorkflowCollectionOptions,
  id: string,
  context: WorkflowContext,
): Promise<WorkflowStatus> => {
  if (!req.user)
    throw new WorkflowError('WORKFLOW_UNAUTHENTICATED', 401, 'Sign in to see the workflow')
  const doc = await loadVisibleDocument(req, collection, id)
  if (
    !context.options.isEditor(req.user) &&
    !belongsToDocument(req.user, doc, collectionOptions, context.options)
  ) {
    throw new WorkflowError(
      'WORKFLOW_FORBIDDEN',
      403,
      'Only editors and the organisation see this workflow',
    )
  }
  return {
    state: stateOf(doc, context),
    live: await isLive(req, collection, doc.id as string | number),
    transitions: availableTransitions(req.user, doc, collectionOptions, context),
    history: await readHistory(req, collection, doc.id as string | number, context),
  }
}

import {
  type CollectionSlug,
  commitTransaction,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'

import { transitionContextKey } from '../defaults'
import { WorkflowError } from '../errors'
import type { WorkflowCollectionOptions, WorkflowContext, WorkflowStatus } from '../types'
import { documentOrganisation } from './organisation'
import { loadVisibleDocument, readWorkflowStatus } from './readWorkflow'
import { isActorOf, stateOf, violatesFourEyes } from './transitionRules'

export type TransitionRequest = {
  collection: CollectionSlug
  collectionOptions: WorkflowCollectionOptions
  id: string
  transition: unknown
  comment?: unknown
  publishAt?: unknown
}

/** The transition lost to a concurrent one: its history key was taken or the database was locked. */
const lostRace = (error: unknown) => {
  const { name, data, message } = error as {
    name?: string
    data?: { errors?: { path?: string }[] }
    message?: string
  }
  if (name === 'ValidationError' && data?.errors?.some((entry) => entry.path === 'key')) return true
  return /SQLITE_BUSY|UNIQUE constraint|duplicate key/i.test(message ?? '')
}

/**
 * The one door to a new workflow state: checks the definition, the caller and the current
 * state, then records the event and writes the document in one transaction. Every other
 * write path refuses to publish or to touch the workflow fields.
 */
export const performTransition = async (
  req: PayloadRequest,
  input: TransitionRequest,
  context: WorkflowContext,
): Promise<WorkflowStatus> => {
  const { collection, collectionOptions, id } = input
  const { definition, eventsSlug } = context
  if (!req.user)
    throw new WorkflowError('WORKFLOW_UNAUTHENTICATED', 401, 'Sign in to change the workflow')

  const transition = definition.transitions.find((candidate) => candidate.name === input.transition)
  if (!transition) {
    const names = definition.transitions.map((candidate) => candidate.name).join(', ')
    throw new WorkflowError(
      'WORKFLOW_UNKNOWN_TRANSITION',
      400,
      `Unknown transition "${String(input.transition)}"; one of: ${names}`,
    )
  }
  if (input.comment != null && typeof input.comment !== 'string') {
    throw new WorkflowError('WORKFLOW_INVALID_REQUEST', 400, 'comment must be a string')
  }
  const comment = (input.comment as string | undefined)?.trim() || null
  if (transition.commentRequired && !comment) {
    throw new WorkflowError(
      'WORKFLOW_COMMENT_REQUIRED',
      400,
      `"${transition.name}" needs a comment saying why`,
    )
  }
  let publishAt: Date | null = null
  if (input.publishAt != null && input.publishAt !== '') {
    publishAt = new Date(String(input.publishAt))
    if (Number.isNaN(publishAt.getTime())) {
      throw new WorkflowError(
        'WORKFLOW_INVALID_PUBLISH_AT',
        400,
        `publishAt "${String(input.publishAt)}" is not a date`,
      )
    }
  }

  const visible = await loadVisibleDocument(req, collection, id)
  if (!isActorOf(transition, req.user, visible, collectionOptions, context)) {
    throw new WorkflowError(
      'WORKFLOW_FORBIDDEN',
      403,
      `You may not take "${transition.name}" on this document`,
    )
  }

  let ownTransaction = false
  try {
    // SQLite answers a second writer with SQLITE_BUSY here: that transition lost the race.
    ownTransaction = await initTransaction(req)
    // Re-read inside the transaction: the state may have moved since the visibility check.
    const doc = (await req.payload.findByID({
      collection,
      id,
      draft: true,
      depth: 0,
      overrideAccess: true,
      req,
    })) as unknown as Record<string, unknown>
    const from = stateOf(doc, context)
    if (!transition.from.includes(from)) {
      throw new WorkflowError(
        'WORKFLOW_INVALID_STATE',
        409,
        `"${transition.name}" is not possible from "${from}"`,
      )
    }
    if (violatesFourEyes(transition, req.user, doc)) {
      throw new WorkflowError(
        'WORKFLOW_FOUR_EYES',
        403,
        'Another editor must approve what you submitted',
      )
    }
    const scheduled = transition.scheduledTo && publishAt && publishAt.getTime() > Date.now()
    const to = scheduled ? transition.scheduledTo! : transition.to

    await req.payload.create({
      collection: eventsSlug as CollectionSlug,
      data: {
        // One step per version read: a second transition that read the same version collides here.
        key: `${collection}:${doc.id}:${String(doc.updatedAt)}`,
        collection,
        document: String(doc.id),
        organisation: String(documentOrganisation(doc, collectionOptions) ?? ''),
        transition: transition.name,
        from,
        to,
        user: req.user.id,
        comment,
        at: new Date().toISOString(),
      } as never,
      overrideAccess: true,
      req,
    })

    const previous = (doc.workflow ?? {}) as Record<string, unknown>
    const workflow = {
      state: to,
      submittedBy: transition.name === 'submit' ? req.user.id : (previous.submittedBy ?? null),
      publishAt: scheduled ? publishAt!.toISOString() : null,
    }
    const publishes = to === definition.publishedState
    const unpublishes = definition.unpublishingStates.includes(to)
    await req.payload.update({
      collection,
      id: doc.id as string | number,
      data: {
        workflow,
        ...(publishes ? { _status: 'published' } : unpublishes ? { _status: 'draft' } : {}),
      } as never,
      // Anything short of publishing or taking down is a new version beside the live one.
      draft: !publishes && !unpublishes,
      depth: 0,
      overrideAccess: true,
      context: { [transitionContextKey]: true },
      req,
    })
    if (ownTransaction) await commitTransaction(req)
  } catch (error) {
    if (ownTransaction) await killTransaction(req).catch(() => undefined)
    if (lostRace(error)) {
      throw new WorkflowError(
        'WORKFLOW_CONFLICT',
        409,
        'Another change to this document came first; reload and retry',
      )
    }
    throw error
  }
  return readWorkflowStatus(req, collection, collectionOptions, id, context)
}

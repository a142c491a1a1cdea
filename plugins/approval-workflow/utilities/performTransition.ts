import {
  type CollectionSlug,
  commitTransaction,
  initTransaction,
  killTransaction,
  type PayloadRequest,
} from 'payload'

import { publishScheduledTaskSlug, workflowQueue } from '../defaults'
import { WorkflowError } from '../errors'
import type { WorkflowCollectionOptions, WorkflowContext, WorkflowStatus } from '../types'
import { loadVisibleDocument, readWorkflowStatus } from './readWorkflow'
import { isActorOf, stateOf, violatesFourEyes } from './transitionRules'
import { writeTransition } from './writeTransition'

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
  const { definition } = context
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

    const previous = (doc.workflow ?? {}) as Record<string, unknown>
    await writeTransition(
      req,
      {
        collection,
        collectionOptions,
        doc,
        transition: transition.name,
        from,
        to,
        userId: req.user.id,
        comment,
        notify: transition.notify,
        workflow: {
          state: to,
          submittedBy: transition.name === 'submit' ? req.user.id : (previous.submittedBy ?? null),
          publishAt: scheduled ? publishAt!.toISOString() : null,
        },
      },
      context,
    )
    if (scheduled) {
      // The server's own job runner publishes it when the time comes (see publishScheduledTask).
      await req.payload.jobs.queue({
        task: publishScheduledTaskSlug as never,
        input: { collection, id: String(doc.id) } as never,
        queue: workflowQueue,
        waitUntil: publishAt!,
        req,
      })
    }
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

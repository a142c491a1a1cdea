import type { CollectionBeforeChangeHook } from 'payload'

import { transitionContextKey, workflowFieldName } from '../defaults'
import { WorkflowError } from '../errors'
import type { WorkflowContext } from '../types'
import { idOf } from '../utilities/organisation'

type WorkflowValue = { state?: string | null; submittedBy?: unknown; publishAt?: string | null }

const same = (a: WorkflowValue, b: WorkflowValue) =>
  (a.state ?? null) === (b.state ?? null) &&
  String(idOf(a.submittedBy) ?? '') === String(idOf(b.submittedBy) ?? '') &&
  (a.publishAt ? new Date(a.publishAt).getTime() : null) ===
    (b.publishAt ? new Date(b.publishAt).getTime() : null)

/**
 * Only transitions write the workflow fields: a user's write that changes them is refused
 * (403); one that sends them unchanged (as the admin form does) keeps them. Editing content
 * that was published or scheduled starts a new revision from the initial state, since the
 * approval was for the old text.
 */
export const guardWorkflowFields =
  ({ definition }: WorkflowContext): CollectionBeforeChangeHook =>
  ({ data, originalDoc, operation, req, context }) => {
    if (!req.user || context?.[transitionContextKey]) return data
    const initial: WorkflowValue = {
      state: definition.initialState,
      submittedBy: null,
      publishAt: null,
    }
    const stored: WorkflowValue =
      operation === 'create'
        ? initial
        : ((originalDoc?.[workflowFieldName] as WorkflowValue) ?? initial)
    const incoming = data[workflowFieldName] as WorkflowValue | undefined
    if (incoming !== undefined && incoming !== null && !same({ ...stored, ...incoming }, stored)) {
      throw new WorkflowError(
        'WORKFLOW_FIELD_OUTSIDE_TRANSITION',
        403,
        'The workflow fields change only through transitions (POST …/workflow)',
      )
    }
    const decided = [
      definition.publishedState,
      ...definition.transitions.flatMap((t) => (t.scheduledTo ? [t.scheduledTo] : [])),
    ]
    data[workflowFieldName] = decided.includes(stored.state ?? '') ? initial : stored
    return data
  }

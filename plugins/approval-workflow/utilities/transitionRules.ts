import type { PayloadRequest } from 'payload'

import type { TransitionDefinition, WorkflowCollectionOptions, WorkflowContext } from '../types'
import { belongsToDocument, idOf } from './organisation'

type Doc = Record<string, unknown>

export const stateOf = (doc: Doc | undefined, { definition }: WorkflowContext): string => {
  const workflow = doc?.workflow as { state?: string } | undefined
  return workflow?.state ?? definition.initialState
}

/** Whether `user` is one of the actors of `transition` for this document (state aside). */
export const isActorOf = (
  transition: TransitionDefinition,
  user: PayloadRequest['user'],
  doc: Doc,
  collection: WorkflowCollectionOptions,
  { options }: WorkflowContext,
): boolean =>
  (transition.actors.includes('editor') && options.isEditor(user)) ||
  (transition.actors.includes('organisation') && belongsToDocument(user, doc, collection, options))

/** The submitter may not approve their own submission. */
export const violatesFourEyes = (
  transition: TransitionDefinition,
  user: PayloadRequest['user'],
  doc: Doc,
) => {
  if (!transition.fourEyes || !user) return false
  const submittedBy = idOf((doc.workflow as { submittedBy?: unknown } | undefined)?.submittedBy)
  return submittedBy !== undefined && String(submittedBy) === String(user.id)
}

/** The transitions `user` may take on `doc` in its current state. */
export const availableTransitions = (
  user: PayloadRequest['user'],
  doc: Doc,
  collection: WorkflowCollectionOptions,
  context: WorkflowContext,
): string[] => {
  const state = stateOf(doc, context)
  return context.definition.transitions
    .filter(
      (transition) =>
        transition.from.includes(state) &&
        isActorOf(transition, user, doc, collection, context) &&
        !violatesFourEyes(transition, user, doc),
    )
    .map((transition) => transition.name)
}

import type { CollectionBeforeOperationHook } from 'payload'

import { transitionContextKey } from '../defaults'
import { WorkflowError } from '../errors'

/**
 * Every user write to a workflow collection (create, update by id or in bulk, duplicate,
 * restore-version, over REST, GraphQL or the Local API) is saved as a draft version: it never
 * changes the live version. Asking to publish outright is refused. Decided before Payload
 * reads `draft`, which a later hook could no longer change (PITFALLS.md).
 */
export const guardWorkflowWrites: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (!req.user || req.context?.[transitionContextKey]) return args
  if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion')
    return args
  const data = (args as { data?: { _status?: unknown } }).data
  if (data?._status === 'published') {
    throw new WorkflowError(
      'WORKFLOW_PUBLISH_OUTSIDE_TRANSITION',
      403,
      'Publishing goes through the review workflow (POST …/workflow with a transition), not _status',
    )
  }
  // restoreVersion reads `draft` before this hook runs (unlike update): forcing it here has no
  // effect, and a live restore of a draft version would take the published version down.
  if (operation === 'restoreVersion' && (args as { draft?: unknown }).draft !== true) {
    throw new WorkflowError(
      'WORKFLOW_PUBLISH_OUTSIDE_TRANSITION',
      403,
      'A version is restored as a draft (draft=true); what is live changes only through the review workflow',
    )
  }
  return { ...args, draft: true }
}

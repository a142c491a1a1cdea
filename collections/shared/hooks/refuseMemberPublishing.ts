import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { isEditorUser } from '../../../src/access/roles'

/**
 * Members may write drafts but never publish; refuse before any access check so the caller
 * learns why (access alone would answer with a bare 403).
 */
export const refuseMemberPublishing: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  if (!req.user || isEditorUser(req.user)) return args
  const data = (args as { data?: { _status?: unknown } }).data
  if (data?._status === 'published') {
    throw new APIError(
      'Members cannot publish: save a draft, an editor publishes it (field "_status").',
      403,
      undefined,
      true,
    )
  }
  return args
}

import type { CollectionBeforeOperationHook } from 'payload'

import { isEditorUser } from '../../../src/access/roles'

export const maxPublicPageSize = 100

/**
 * Payload answers `limit=0` or `pagination=false` with every document; outside the editorial
 * team a page holds at most `maxPublicPageSize` documents. Payload's own population of related
 * documents (a nested read: `currentDepth` set, `pagination: false` over the ids of a page that
 * is already capped) is left whole, or a document's 11th participant would vanish.
 */
export const capPageSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || isEditorUser(req.user)) return args
  if ((args as { currentDepth?: number }).currentDepth) return args
  const listArgs = args as { limit?: number; pagination?: boolean }
  if (listArgs.pagination === false || !listArgs.limit || listArgs.limit > maxPublicPageSize) {
    listArgs.pagination = true
    if (!listArgs.limit || listArgs.limit > maxPublicPageSize) {
      listArgs.limit = listArgs.limit ? maxPublicPageSize : 10
    }
  }
  return args
}

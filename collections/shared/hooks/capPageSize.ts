import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { isEditorUser } from '../../../src/access/roles'

export const maxPublicPageSize = 100

type ListArgs = {
  currentDepth?: number
  limit?: number
  pagination?: boolean
  joins?: false | Record<string, { limit?: number } | false | undefined>
}

const refuse = (problem: string) =>
  new APIError(
    `${problem} is not allowed: pages hold at most ${maxPublicPageSize} documents (PAGE_SIZE_REFUSED).`,
    400,
    { code: 'PAGE_SIZE_REFUSED' },
    true,
  )

/**
 * Payload answers `limit=0` or `pagination=false` with every document. Outside the editorial
 * team such a request is refused (400) and a page holds at most `maxPublicPageSize` documents,
 * a join field's page too. Left whole: the server's own reads (`overrideAccess`) and Payload's
 * population of related documents (a nested read: `currentDepth` set, `pagination: false` over
 * the ids of a page that is already capped), or a document's 11th participant would vanish.
 */
export const capPageSize: CollectionBeforeOperationHook = ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'read' || overrideAccess || isEditorUser(req.user)) return args
  const listArgs = args as ListArgs
  if (listArgs.currentDepth) return args
  if (listArgs.pagination === false) throw refuse('pagination=false')
  if (listArgs.limit !== undefined && listArgs.limit !== null) {
    if (!Number.isInteger(listArgs.limit) || listArgs.limit < 1) {
      throw refuse(`limit=${listArgs.limit}`)
    }
    listArgs.limit = Math.min(listArgs.limit, maxPublicPageSize)
  }
  if (listArgs.joins) {
    for (const [field, join] of Object.entries(listArgs.joins)) {
      if (!join || join.limit === undefined) continue
      if (!Number.isInteger(join.limit) || join.limit < 1) {
        throw refuse(`joins[${field}][limit]=${join.limit}`)
      }
      join.limit = Math.min(join.limit, maxPublicPageSize)
    }
  }
  return args
}

import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { idOf } from '../../../src/access/organisationOf'

const comparable = (value: unknown): string => {
  if (value == null || value === '') return 'null'
  if (Array.isArray(value)) return JSON.stringify(value.map((item) => String(idOf(item) ?? item)))
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (typeof value === 'object') return JSON.stringify(idOf(value) ?? value)
  return JSON.stringify(String(value))
}

/**
 * Refuses (403, naming the fields) a change to `fields` by a user who may not make it.
 * Field-level access would drop such a value silently; a caller deserves to know.
 */
export const refuseProtectedFieldChanges =
  (fields: string[], mayChange: (req: PayloadRequest) => boolean): CollectionBeforeChangeHook =>
  ({ data, originalDoc, operation, req }) => {
    if (!req.user || mayChange(req)) return data
    const changed = fields.filter((field) => {
      if (!(field in data)) return false
      if (operation === 'create') return data[field] != null && data[field] !== ''
      return comparable(data[field]) !== comparable(originalDoc?.[field])
    })
    if (changed.length > 0) {
      throw new APIError(
        `You may not change ${changed.map((field) => `"${field}"`).join(', ')}: ask an editor.`,
        403,
        undefined,
        true,
      )
    }
    return data
  }

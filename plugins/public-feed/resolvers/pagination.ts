import type { Where } from 'payload'

import { defaultLimits, defaultPageSize } from '../defaults'
import { badUserInput } from './errors'

export type ConnectionArgs = { first?: number | null; after?: string | null }

/** The page size asked for, within 0…max (`first` above max is an error, not a clamp). */
export const pageSize = (first: number | null | undefined, max = defaultLimits.maxPageSize) => {
  if (first === null || first === undefined) return defaultPageSize
  if (first < 0) throw badUserInput('`first` must not be negative.')
  if (first > max) throw badUserInput(`\`first\` must be at most ${max}, got ${first}.`)
  return first
}

type CursorValue = string | number | null

/** Opaque to clients: the sort key of the last item, base64url-encoded. */
export const encodeCursor = (values: CursorValue[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url')

export const decodeCursor = (cursor: string, length: number): CursorValue[] => {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((value) => ['string', 'number'].includes(typeof value) || value === null)
    ) {
      return values as CursorValue[]
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput(`\`after\` is not a cursor of this list: "${cursor.slice(0, 80)}".`)
}

export type SortKey = { field: string; direction: 'asc' | 'desc' }

/** Payload's sort for keys, `id` last so that the order is total. */
export const sortOf = (keys: SortKey[]): string[] =>
  [...keys, { field: 'id', direction: keys.at(-1)?.direction ?? 'asc' } as SortKey].map(
    ({ field, direction }) => (direction === 'desc' ? `-${field}` : field),
  )

/**
 * Keyset pagination: everything strictly after the cursor in the (keys…, id) order. Unlike
 * offsets, a publication during a walk neither repeats nor skips an item.
 */
export const afterCursorWhere = (keys: SortKey[], values: CursorValue[]): Where => {
  const all: SortKey[] = [...keys, { field: 'id', direction: keys.at(-1)?.direction ?? 'asc' }]
  const branches: Where[] = all.map((key, index) => {
    const equalPrefix: Where[] = all
      .slice(0, index)
      .map((prefix, prefixIndex) => ({ [prefix.field]: { equals: values[prefixIndex] } }))
    const beyond: Where = {
      [key.field]: { [key.direction === 'desc' ? 'less_than' : 'greater_than']: values[index] },
    }
    return equalPrefix.length ? { and: [...equalPrefix, beyond] } : beyond
  })
  return { or: branches }
}

/** The cursor values of a stored document for the given keys. */
export const cursorValues = (doc: Record<string, unknown>, keys: SortKey[]): CursorValue[] => [
  ...keys.map((key) => (doc[key.field] ?? null) as CursorValue),
  doc.id as CursorValue,
]

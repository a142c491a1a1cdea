import type { Where } from 'payload'

import { defaultPageSize } from '../defaults'
import { badUserInput } from './errors'

export type ConnectionArgs = { first?: number | null; after?: string | null }

/** The page size asked for, within 0…max (`first` above max is an error, not a clamp). */
export const pageSize = (first: number | null | undefined, max: number) => {
  if (first === null || first === undefined) return defaultPageSize
  if (first < 0) throw badUserInput('`first` must not be negative.')
  if (first > max) throw badUserInput(`\`first\` must be at most ${max}, got ${first}.`)
  return first
}

type CursorValue = string | number | null

/** Opaque to clients: the sort key of the last item, base64url-encoded. */
export const encodeCursor = (values: CursorValue[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url')

/** What each position of a cursor must hold; anything else is not one of our cursors. */
export type CursorKind = 'date' | 'text' | 'id' | 'rank'

const validValue = (kind: CursorKind, value: unknown): CursorValue | undefined => {
  switch (kind) {
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? new Date(value).toISOString()
        : undefined
    case 'text':
      return typeof value === 'string' ? value : undefined
    case 'id':
      return (typeof value === 'number' && Number.isInteger(value)) ||
        (typeof value === 'string' && /^[\w-]{1,64}$/.test(value))
        ? value
        : undefined
    case 'rank':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined
  }
}

/** The values of a cursor this list handed out; a forged or foreign one is BAD_USER_INPUT. */
export const decodeCursor = (cursor: string, kinds: CursorKind[]): CursorValue[] => {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    values = undefined
  }
  if (Array.isArray(values) && values.length === kinds.length) {
    const valid = kinds.map((kind, index) => validValue(kind, values[index]))
    if (valid.every((value) => value !== undefined)) return valid as CursorValue[]
  }
  throw badUserInput(`\`after\` is not a cursor of this list: "${cursor.slice(0, 80)}".`)
}

export type SortKey = { field: string; direction: 'asc' | 'desc'; kind: 'date' | 'text' }

/** The kinds of a cursor over these keys (the id comes last). */
export const cursorKinds = (keys: SortKey[]): CursorKind[] => [...keys.map((key) => key.kind), 'id']

/** Payload's sort for keys, `id` last so that the order is total. */
export const sortOf = (keys: SortKey[]): string[] =>
  [
    ...keys,
    { field: 'id', direction: keys.at(-1)?.direction ?? 'asc', kind: 'text' } as SortKey,
  ].map(({ field, direction }) => (direction === 'desc' ? `-${field}` : field))

/**
 * Keyset pagination: everything strictly after the cursor in the (keys…, id) order. Unlike
 * offsets, a publication during a walk neither repeats nor skips an item.
 */
export const afterCursorWhere = (keys: SortKey[], values: CursorValue[]): Where => {
  const all: SortKey[] = [
    ...keys,
    { field: 'id', direction: keys.at(-1)?.direction ?? 'asc', kind: 'text' },
  ]
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

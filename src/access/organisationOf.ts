import type { User } from '../payload-types'

type Id = number | string

/** The id of the member organisation a member user belongs to, or undefined. */
export const organisationOf = (
  user: Pick<User, 'role' | 'member'> | null | undefined,
): Id | undefined => {
  if (!user || user.role !== 'member' || user.member == null) return undefined
  return typeof user.member === 'object' ? user.member.id : user.member
}

/** Normalises a relationship value (id or populated document) to its id. */
export const idOf = (value: unknown): Id | undefined => {
  if (value == null) return undefined
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && 'id' in value) return (value as { id: Id }).id
  return undefined
}

export const sameId = (a: unknown, b: unknown): boolean => {
  const left = idOf(a)
  const right = idOf(b)
  return left !== undefined && right !== undefined && String(left) === String(right)
}

/** Whether two relationship values point at the same document (both empty counts as equal). */
export const sameRelation = (a: unknown, b: unknown): boolean =>
  String(idOf(a) ?? '') === String(idOf(b) ?? '')

import type { User } from '../payload-types'

export const roles = ['admin', 'editor', 'member'] as const
export type Role = (typeof roles)[number]

type MaybeUser = Pick<User, 'role'> | null | undefined

export const isAdminUser = (user: MaybeUser): boolean => user?.role === 'admin'

/** Admins hold every editor right. */
export const isEditorUser = (user: MaybeUser): boolean =>
  user?.role === 'editor' || user?.role === 'admin'

export const isMemberUser = (user: MaybeUser): boolean => user?.role === 'member'

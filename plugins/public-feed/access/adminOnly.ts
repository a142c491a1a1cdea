import type { Access } from 'payload'

type WithRole = { role?: string } | null | undefined

/** The feed's own collections (change log, webhooks, deliveries) belong to admins. */
export const isAdminUser = (user: unknown): boolean => (user as WithRole)?.role === 'admin'

export const adminOnly: Access = ({ req }) => isAdminUser(req.user)

export const hiddenFromNonAdmins = ({ user }: { user: unknown }): boolean => !isAdminUser(user)

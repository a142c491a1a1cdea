import type { Access } from 'payload'

import { isAdminUser } from '../../../src/access/roles'

/** Admins manage every account; everybody else sees and edits only their own. */
export const selfOrAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdminUser(user)) return true
  return { id: { equals: user.id } }
}

import { APIError, type CollectionBeforeChangeHook } from 'payload'

import type { User } from '../../../src/payload-types'

/** A member user belongs to exactly one organisation; editors and admins to none. */
export const requireOrganisationForMembers: CollectionBeforeChangeHook<User> = ({
  data,
  originalDoc,
}) => {
  const role = data.role ?? originalDoc?.role
  const member = 'member' in data ? data.member : originalDoc?.member
  if (role === 'member' && member == null) {
    throw new APIError(
      'A member user needs a member organisation (field "member").',
      400,
      undefined,
      true,
    )
  }
  if (role !== 'member' && member != null) data.member = null
  return data
}

import type { Access } from 'payload'

import { organisationOf } from './organisationOf'
import { published } from './publishedOrEditor'
import { isEditorUser } from './roles'

/**
 * public: published documents for everyone; a member also reads its own organisation's
 * unpublished ones (`field` holds the organisation: `id` on members, `member` on stories).
 */
export const publishedOrOwnOrganisation =
  (field: string): Access =>
  ({ req: { user } }) => {
    if (isEditorUser(user)) return true
    const organisation = organisationOf(user)
    if (organisation === undefined) return published
    return { or: [published, { [field]: { equals: organisation } }] }
  }

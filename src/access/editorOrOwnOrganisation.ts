import type { Access } from 'payload'

import { organisationOf } from './organisationOf'
import { isEditorUser } from './roles'

/**
 * Editors act on every document; a member only on its own organisation's (`field` holds the
 * organisation). Publishing is the approval workflow's decision, not this rule's.
 */
export const editorOrOwnOrganisation =
  (field: string): Access =>
  ({ req: { user } }) => {
    if (isEditorUser(user)) return true
    const organisation = organisationOf(user)
    if (organisation === undefined) return false
    return { [field]: { equals: organisation } }
  }

import type { Access } from 'payload'

import { organisationOf } from './organisationOf'
import { isEditorUser } from './roles'

/**
 * Editors act on every document; a member only on its own organisation's (`field` holds the
 * organisation) and never publishes: publishing is an editor's decision.
 */
export const editorOrOwnOrganisation =
  (field: string): Access =>
  ({ req: { user }, data }) => {
    if (isEditorUser(user)) return true
    const organisation = organisationOf(user)
    if (organisation === undefined) return false
    if ((data as { _status?: unknown } | undefined)?._status === 'published') return false
    return { [field]: { equals: organisation } }
  }

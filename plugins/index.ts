import type { Plugin } from 'payload'

import { organisationOf } from '../src/access/organisationOf'
import { isEditorUser } from '../src/access/roles'
import { approvalWorkflow } from './approval-workflow'

/** The hub's own plugins; the public feed follows. */
export const plugins: Plugin[] = [
  // Members' stories and members' changes to their own profile go through review.
  approvalWorkflow({
    collections: {
      stories: { organisationField: 'member' },
      members: { organisationField: 'id' },
    },
    isEditor: isEditorUser,
    organisationOf,
  }),
]

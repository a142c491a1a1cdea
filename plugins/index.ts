import type { Plugin } from 'payload'

import { organisationOf } from '../src/access/organisationOf'
import { isEditorUser } from '../src/access/roles'
import { readEnv } from '../src/env'
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
    scheduleCron: readEnv().jobsCron,
    editorEmails: async (req) => {
      const editors = await req.payload.find({
        collection: 'users',
        where: { role: { in: ['editor', 'admin'] } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        req,
      })
      return editors.docs.map((user) => user.email)
    },
  }),
]

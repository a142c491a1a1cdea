import type { Access, Where } from 'payload'

import { isEditorUser } from './roles'

export const published: Where = { _status: { equals: 'published' } }

// public: anonymous callers and members read published versions only
export const publishedOrEditor: Access = ({ req: { user } }) =>
  isEditorUser(user) ? true : published

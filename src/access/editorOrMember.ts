import type { Access } from 'payload'

import { isEditorUser, isMemberUser } from './roles'

/** Create rule: editors, or member users (their organisation is set for them). */
export const editorOrMember: Access = ({ req: { user } }) =>
  isEditorUser(user) || isMemberUser(user)

import type { Access } from 'payload'

import { isEditorUser, isMemberUser } from './roles'

/** Create rule: editors, or member users writing a draft (their organisation is set for them). */
export const editorOrMember: Access = ({ req: { user }, data }) => {
  if (isEditorUser(user)) return true
  if (!isMemberUser(user)) return false
  return (data as { _status?: unknown } | undefined)?._status !== 'published'
}

import type { Access } from 'payload'

import { isEditorUser } from './roles'

/** Editors and admins. */
export const isEditor: Access = ({ req: { user } }) => isEditorUser(user)

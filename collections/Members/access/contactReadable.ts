import type { FieldAccess } from 'payload'

import { organisationOf, sameId } from '../../../src/access/organisationOf'
import { isEditorUser } from '../../../src/access/roles'

/** Contact details are never public: editors and the organisation's own users only. */
export const contactReadable: FieldAccess = ({ req: { user }, doc }) =>
  isEditorUser(user) || (doc != null && sameId(organisationOf(user), doc.id))

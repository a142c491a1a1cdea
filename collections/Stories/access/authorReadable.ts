import type { FieldAccess } from 'payload'

import { isEditorUser } from '../../../src/access/roles'
import { organisationOf, sameId } from '../../../src/access/organisationOf'

/** Who wrote a story is not public: editors and the author's own organisation see it. */
export const authorReadable: FieldAccess = ({ req: { user }, doc }) =>
  isEditorUser(user) || (doc != null && sameId(organisationOf(user), doc.member))

import { APIError, type CollectionBeforeValidateHook } from 'payload'

import { organisationOf, sameId, sameRelation } from '../../../src/access/organisationOf'
import { isEditorUser } from '../../../src/access/roles'
import type { Story } from '../../../src/payload-types'

const forbidden = (message: string) => new APIError(message, 403, undefined, true)

/**
 * The author is whoever creates the story; a member's story always belongs to the member's
 * own organisation. Only editors may attribute a story to another organisation.
 */
export const assignAuthorAndOrganisation: CollectionBeforeValidateHook<Story> = ({
  data,
  operation,
  originalDoc,
  req: { user },
}) => {
  if (!data || !user) return data
  const editor = isEditorUser(user)
  if (operation === 'create') {
    data.author = user.id
  } else if ('author' in data && !sameRelation(data.author, originalDoc?.author) && !editor) {
    throw forbidden('Only editors may change the author of a story (field "author").')
  }
  if (editor) return data
  const organisation = organisationOf(user)
  if (organisation === undefined) throw forbidden('Your account belongs to no member organisation.')
  if (data.member != null && !sameId(data.member, organisation)) {
    throw forbidden('A member writes stories for its own organisation only (field "member").')
  }
  if (operation === 'create' || 'member' in data) data.member = organisation as Story['member']
  return data
}

import type { CollectionBeforeChangeHook } from 'payload'

import { organisationOf } from '../../../src/access/organisationOf'
import type { Media } from '../../../src/payload-types'

/** A member's upload belongs to its organisation, so it may later edit or delete it. */
export const assignOrganisation: CollectionBeforeChangeHook<Media> = ({ data, operation, req }) => {
  if (operation === 'create') {
    data.organisation = (organisationOf(req.user) ?? null) as Media['organisation']
  }
  return data
}

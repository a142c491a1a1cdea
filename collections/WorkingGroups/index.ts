import { hiddenFromMembers } from '../../src/access/hiddenFromMembers'
import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isEditor } from '../../src/access/isEditor'
import { isSignedIn } from '../../src/access/isSignedIn'
import { slugField } from '../shared/fields/slug'
import { topicsField } from '../shared/fields/topics'

/** Working groups the members found at their general meetings. */
export const WorkingGroups: CollectionConfig = {
  slug: 'working-groups',
  labels: {
    singular: { de: 'Arbeitsgruppe', en: 'Working group' },
    plural: { de: 'Arbeitsgruppen', en: 'Working groups' },
  },
  admin: {
    hidden: hiddenFromMembers,
    useAsTitle: 'name',
    group: { de: 'Netzwerk', en: 'Network' },
  },
  access: {
    admin: isSignedIn,
    create: isEditor,
    read: anyone,
    readVersions: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { de: 'Name', en: 'Name' },
      required: true,
      localized: true,
    },
    slugField('name'),
    {
      name: 'description',
      type: 'richText',
      label: { de: 'Beschreibung', en: 'Description' },
      localized: true,
    },
    topicsField,
  ],
}

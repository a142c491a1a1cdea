import { hiddenFromMembers } from '../../src/access/hiddenFromMembers'
import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { isEditor } from '../../src/access/isEditor'
import { isSignedIn } from '../../src/access/isSignedIn'
import { slugField } from '../shared/fields/slug'
import { urlField } from '../shared/fields/url'

/** Outside organisations the network works with (chambers, agencies, associations, authorities). */
export const Partners: CollectionConfig = {
  slug: 'partners',
  labels: {
    singular: { de: 'Partnerorganisation', en: 'Partner organisation' },
    plural: { de: 'Partnerorganisationen', en: 'Partner organisations' },
  },
  admin: {
    hidden: hiddenFromMembers,
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'website'],
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
    { name: 'name', type: 'text', label: { de: 'Name', en: 'Name' }, required: true },
    slugField('name'),
    {
      name: 'kind',
      type: 'select',
      label: { de: 'Art', en: 'Kind' },
      required: true,
      defaultValue: 'other',
      options: [
        { value: 'industry-network', label: { de: 'Branchennetzwerk', en: 'Industry network' } },
        {
          value: 'business-association',
          label: { de: 'Wirtschaftsverband', en: 'Business association' },
        },
        { value: 'chamber', label: { de: 'Kammer', en: 'Chamber' } },
        { value: 'public-authority', label: { de: 'Behörde', en: 'Public authority' } },
        { value: 'agency', label: { de: 'Landesagentur', en: 'State agency' } },
        { value: 'other', label: { de: 'Sonstige', en: 'Other' } },
      ],
    },
    urlField('website', { de: 'Website', en: 'Website' }),
    {
      name: 'description',
      type: 'textarea',
      label: { de: 'Beschreibung', en: 'Description' },
      localized: true,
    },
  ],
}

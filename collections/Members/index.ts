import type { CollectionConfig } from 'payload'

import { editorOrOwnOrganisation } from '../../src/access/editorOrOwnOrganisation'
import { isEditor } from '../../src/access/isEditor'
import { isSignedIn } from '../../src/access/isSignedIn'
import { publishedOrOwnOrganisation } from '../../src/access/publishedOrOwnOrganisation'
import { isEditorUser } from '../../src/access/roles'
import { slugField } from '../shared/fields/slug'
import { topicsField } from '../shared/fields/topics'
import { urlField } from '../shared/fields/url'
import { refuseProtectedFieldChanges } from '../shared/hooks/refuseProtectedFieldChanges'
import { contactReadable } from './access/contactReadable'

/** Member companies and institutions of ITnet Thüringen e.V. */
export const Members: CollectionConfig = {
  slug: 'members',
  labels: {
    singular: { de: 'Mitglied', en: 'Member' },
    plural: { de: 'Mitglieder', en: 'Members' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'membershipType', 'kind', 'city', '_status'],
    group: { de: 'Netzwerk', en: 'Network' },
  },
  versions: { drafts: true, maxPerDoc: 50 },
  access: {
    admin: isSignedIn,
    create: isEditor,
    read: publishedOrOwnOrganisation('id'),
    readVersions: isEditor,
    update: editorOrOwnOrganisation('id'),
    delete: isEditor,
  },
  hooks: {
    beforeChange: [
      // A member edits its own profile, but not what the association decides.
      refuseProtectedFieldChanges(['slug', 'membershipType', 'memberSince'], (req) =>
        isEditorUser(req.user),
      ),
    ],
  },
  fields: [
    { name: 'name', type: 'text', label: { de: 'Name', en: 'Name' }, required: true, index: true },
    slugField('name'),
    {
      type: 'row',
      fields: [
        {
          name: 'membershipType',
          type: 'select',
          label: { de: 'Mitgliedschaft', en: 'Membership' },
          required: true,
          defaultValue: 'ordinary',
          index: true,
          options: [
            { value: 'ordinary', label: { de: 'Ordentliches Mitglied', en: 'Ordinary member' } },
            {
              value: 'associated',
              label: {
                de: 'Assoziiertes Mitglied (z. B. Hochschule)',
                en: 'Associated member (e.g. university)',
              },
            },
          ],
        },
        {
          name: 'kind',
          type: 'select',
          label: { de: 'Art', en: 'Kind' },
          required: true,
          defaultValue: 'company',
          options: [
            { value: 'company', label: { de: 'Unternehmen', en: 'Company' } },
            { value: 'university', label: { de: 'Hochschule', en: 'University' } },
            { value: 'research', label: { de: 'Forschungseinrichtung', en: 'Research institute' } },
            { value: 'public-body', label: { de: 'Öffentliche Einrichtung', en: 'Public body' } },
            { value: 'other', label: { de: 'Sonstige', en: 'Other' } },
          ],
        },
      ],
    },
    { name: 'logo', type: 'upload', relationTo: 'media', label: { de: 'Logo', en: 'Logo' } },
    urlField('website', { de: 'Website', en: 'Website' }),
    {
      name: 'city',
      type: 'text',
      label: { de: 'Ort (Thüringen)', en: 'City (Thuringia)' },
    },
    {
      name: 'description',
      type: 'richText',
      label: { de: 'Beschreibung', en: 'Description' },
      localized: true,
    },
    topicsField,
    {
      name: 'workingGroups',
      type: 'relationship',
      label: { de: 'Arbeitsgruppen', en: 'Working groups' },
      relationTo: 'working-groups',
      hasMany: true,
    },
    {
      name: 'memberSince',
      type: 'date',
      label: { de: 'Mitglied seit', en: 'Member since' },
      admin: { date: { pickerAppearance: 'monthOnly', displayFormat: 'MM/yyyy' } },
    },
    {
      name: 'contact',
      type: 'group',
      label: { de: 'Ansprechperson (nicht öffentlich)', en: 'Contact (not public)' },
      access: { read: contactReadable },
      fields: [
        { name: 'person', type: 'text', label: { de: 'Name', en: 'Name' } },
        { name: 'email', type: 'email', label: { de: 'E-Mail', en: 'E-mail' } },
      ],
    },
  ],
}

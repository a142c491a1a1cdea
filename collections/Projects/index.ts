import { hiddenFromMembers } from '../../src/access/hiddenFromMembers'
import type { CollectionConfig } from 'payload'

import { isEditor } from '../../src/access/isEditor'
import { isSignedIn } from '../../src/access/isSignedIn'
import { publishedOrEditor } from '../../src/access/publishedOrEditor'
import { datePrecisionField } from '../shared/fields/datePrecision'
import { publishedAtField } from '../shared/fields/publishedAt'
import { slugField } from '../shared/fields/slug'
import { topicsField } from '../shared/fields/topics'
import { urlField } from '../shared/fields/url'
import { setPublishedAt } from '../shared/hooks/setPublishedAt'

/** Projects the association runs or its members carry out together. */
export const Projects: CollectionConfig = {
  slug: 'projects',
  labels: {
    singular: { de: 'Projekt', en: 'Project' },
    plural: { de: 'Projekte', en: 'Projects' },
  },
  admin: {
    hidden: hiddenFromMembers,
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'startDate', '_status'],
    group: { de: 'Inhalte', en: 'Content' },
  },
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: '-startDate',
  access: {
    admin: isSignedIn,
    create: isEditor,
    read: publishedOrEditor,
    readVersions: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  hooks: {
    beforeChange: [setPublishedAt],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Titel', en: 'Title' },
      required: true,
      localized: true,
    },
    slugField('title'),
    {
      name: 'summary',
      type: 'textarea',
      label: { de: 'Kurzbeschreibung', en: 'Summary' },
      localized: true,
    },
    { name: 'body', type: 'richText', label: { de: 'Text', en: 'Body' }, localized: true },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          label: { de: 'Stand', en: 'Status' },
          required: true,
          defaultValue: 'active',
          index: true,
          // Payload's own `_status` would otherwise claim the same PostgreSQL enum name.
          enumName: 'enum_projects_project_status',
          options: [
            { value: 'planned', label: { de: 'Geplant', en: 'Planned' } },
            { value: 'active', label: { de: 'Laufend', en: 'Active' } },
            { value: 'completed', label: { de: 'Abgeschlossen', en: 'Completed' } },
          ],
        },
        {
          name: 'carriedBy',
          type: 'select',
          label: { de: 'Getragen von', en: 'Carried by' },
          required: true,
          defaultValue: 'members',
          options: [
            {
              value: 'association',
              label: { de: 'ITnet Thüringen e. V.', en: 'ITnet Thüringen e. V.' },
            },
            { value: 'members', label: { de: 'Mitgliedsunternehmen', en: 'Member companies' } },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startDate',
          type: 'date',
          label: { de: 'Beginn', en: 'Start' },
          index: true,
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
        {
          name: 'endDate',
          type: 'date',
          label: { de: 'Ende', en: 'End' },
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
      ],
    },
    datePrecisionField(['year', 'month', 'day']),
    {
      name: 'participants',
      type: 'relationship',
      label: { de: 'Beteiligte', en: 'Participants' },
      relationTo: ['members', 'partners'],
      hasMany: true,
    },
    topicsField,
    {
      name: 'links',
      type: 'array',
      label: { de: 'Links', en: 'Links' },
      fields: [
        { name: 'label', type: 'text', label: { de: 'Text', en: 'Label' }, localized: true },
        urlField('url', { de: 'Adresse', en: 'URL' }, { required: true }),
      ],
    },
    { name: 'image', type: 'upload', relationTo: 'media', label: { de: 'Bild', en: 'Image' } },
    publishedAtField,
  ],
}

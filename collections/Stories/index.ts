import type { CollectionConfig } from 'payload'

import { editorOrOwnOrganisation } from '../../src/access/editorOrOwnOrganisation'
import { isEditor } from '../../src/access/isEditor'
import { organisationOf } from '../../src/access/organisationOf'
import { isSignedIn } from '../../src/access/isSignedIn'
import { publishedOrOwnOrganisation } from '../../src/access/publishedOrOwnOrganisation'
import { slugField } from '../shared/fields/slug'
import { authorReadable } from './access/authorReadable'
import { assignAuthorAndOrganisation } from './hooks/assignAuthorAndOrganisation'
import { setPublishedAt } from '../shared/hooks/setPublishedAt'
import { publishedAtField } from '../shared/fields/publishedAt'

/** A member company's story about a project; members write them, editors publish them. */
export const Stories: CollectionConfig = {
  slug: 'stories',
  labels: {
    singular: { de: 'Projektgeschichte', en: 'Project story' },
    plural: { de: 'Projektgeschichten', en: 'Project stories' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'project', 'member', '_status', 'updatedAt'],
    group: { de: 'Inhalte', en: 'Content' },
  },
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: '-publishedAt',
  access: {
    admin: isSignedIn,
    // any user of the hub; a member's story is its own organisation's (see the hooks)
    create: isSignedIn,
    read: publishedOrOwnOrganisation('member'),
    readVersions: isEditor,
    update: editorOrOwnOrganisation('member'),
    delete: editorOrOwnOrganisation('member'),
  },
  hooks: {
    beforeValidate: [assignAuthorAndOrganisation],
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
      name: 'project',
      type: 'relationship',
      label: { de: 'Projekt', en: 'Project' },
      relationTo: 'projects',
      required: true,
      index: true,
    },
    {
      name: 'member',
      type: 'relationship',
      label: { de: 'Mitgliedsorganisation', en: 'Member organisation' },
      relationTo: 'members',
      required: true,
      index: true,
      defaultValue: ({ user }) => organisationOf(user),
      admin: {
        position: 'sidebar',
        description: {
          de: 'Bei Mitgliedern automatisch die eigene Organisation.',
          en: 'For member users always their own organisation.',
        },
      },
    },
    {
      name: 'author',
      type: 'relationship',
      label: { de: 'Autor', en: 'Author' },
      relationTo: 'users',
      access: { read: authorReadable },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'excerpt',
      type: 'textarea',
      label: { de: 'Anriss', en: 'Excerpt' },
      localized: true,
    },
    { name: 'body', type: 'richText', label: { de: 'Text', en: 'Body' }, localized: true },
    publishedAtField,
    { name: 'image', type: 'upload', relationTo: 'media', label: { de: 'Bild', en: 'Image' } },
  ],
}

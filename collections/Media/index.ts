import type { CollectionConfig } from 'payload'

import { anyone } from '../../src/access/anyone'
import { editorOrOwnOrganisation } from '../../src/access/editorOrOwnOrganisation'
import { isEditor } from '../../src/access/isEditor'
import { isSignedIn } from '../../src/access/isSignedIn'
import { readEnv } from '../../src/env'
import { refuseProtectedFieldChanges } from '../shared/hooks/refuseProtectedFieldChanges'
import { isEditorUser } from '../../src/access/roles'
import { assignOrganisation } from './hooks/assignOrganisation'
import { requireUploadedFile } from './hooks/requireUploadedFile'

/** Images (logos, project and story pictures); no SVG or other active content. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { de: 'Bild', en: 'Image' },
    plural: { de: 'Bilder', en: 'Images' },
  },
  admin: {
    useAsTitle: 'filename',
    group: { de: 'Inhalte', en: 'Content' },
  },
  access: {
    admin: isSignedIn,
    create: isSignedIn,
    // public: uploaded images are published assets
    read: anyone,
    readVersions: isEditor,
    update: editorOrOwnOrganisation('organisation'),
    delete: editorOrOwnOrganisation('organisation'),
  },
  hooks: {
    beforeOperation: [requireUploadedFile],
    beforeChange: [
      refuseProtectedFieldChanges(['organisation'], (req) => isEditorUser(req.user)),
      assignOrganisation,
    ],
  },
  upload: {
    staticDir: readEnv().mediaDir,
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/avif'],
    // No server-side fetch of arbitrary URLs (a create body's `url`: requireUploadedFile).
    pasteURL: false,
    imageSizes: [
      { name: 'thumbnail', width: 480 },
      { name: 'card', width: 1200 },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: { de: 'Alternativtext', en: 'Alt text' },
      required: true,
      localized: true,
    },
    {
      name: 'organisation',
      type: 'relationship',
      label: { de: 'Organisation', en: 'Organisation' },
      relationTo: 'members',
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}

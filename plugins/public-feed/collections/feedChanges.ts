import { adminOnly, hiddenFromNonAdmins, isAdminUser } from '../access/adminOnly'
import type { CollectionConfig } from 'payload'

import { changesSlug, feedCollections } from '../defaults'

/**
 * The feed's change log: one row per public address (`type:slug`) with its latest state, so
 * that `changesSince` can tell apps what to fetch and what to drop. Written only by the feed's
 * own hooks.
 */
export const feedChangesCollection: CollectionConfig = {
  slug: changesSlug,
  labels: {
    singular: { de: 'Feed-Änderung', en: 'Feed change' },
    plural: { de: 'Feed-Änderungen', en: 'Feed changes' },
  },
  admin: {
    group: { de: 'Öffentlicher Feed', en: 'Public feed' },
    hidden: hiddenFromNonAdmins,
    useAsTitle: 'key',
    defaultColumns: ['key', 'action', 'at'],
  },
  access: {
    admin: ({ req }) => isAdminUser(req.user),
    read: adminOnly,
    readVersions: () => false,
    create: () => false,
    update: () => false,
    delete: () => false,
    unlock: () => false,
  },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      options: feedCollections.map((value) => ({ value, label: value })),
    },
    { name: 'slug', type: 'text', required: true },
    { name: 'docId', type: 'text', required: true, index: true },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: ['created', 'updated', 'removed'].map((value) => ({ value, label: value })),
    },
    { name: 'firstPublishedAt', type: 'date', required: true },
    { name: 'at', type: 'date', required: true, index: true },
  ],
}

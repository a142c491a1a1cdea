import { adminOnly } from '../access/adminOnly'
import type { GlobalConfig } from 'payload'

import { revisionSlug } from '../defaults'

/**
 * A stamp that changes with every visible change. Each server process compares it with the
 * one its response cache was filled under: several processes on one database purge together.
 */
export const feedRevisionGlobal: GlobalConfig = {
  slug: revisionSlug,
  label: { de: 'Feed-Revision', en: 'Feed revision' },
  admin: { hidden: true },
  access: {
    read: adminOnly,
    update: () => false,
    readVersions: () => false,
  },
  fields: [{ name: 'revision', type: 'text' }],
}

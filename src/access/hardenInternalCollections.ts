import type { SanitizedConfig } from 'payload'

import { isAdmin } from './isAdmin'

/**
 * Payload adds `payload-migrations` without access rules, i.e. open to every signed-in user,
 * members included: deleting its rows would make migrations run again. Only admins touch it.
 */
export const hardenInternalCollections = (config: SanitizedConfig): SanitizedConfig => {
  const migrations = config.collections.find(
    (collection) => collection.slug === 'payload-migrations',
  )
  if (migrations) {
    migrations.access = {
      ...migrations.access,
      create: isAdmin,
      read: isAdmin,
      update: isAdmin,
      delete: isAdmin,
      readVersions: isAdmin,
      unlock: isAdmin,
    }
  }
  return config
}

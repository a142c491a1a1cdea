import type { Payload } from 'payload'

import { seed, type SeedOptions, type SeedReport } from './seed'

/**
 * On start the seed runs only on an empty database, so content an editor deleted is not
 * brought back; `npm run seed` runs it on purpose.
 */
export const seedIfEmpty = async (
  payload: Payload,
  options: SeedOptions,
): Promise<SeedReport | undefined> => {
  const contentCollections = ['members', 'partners', 'projects', 'events'] as const
  for (const collection of contentCollections) {
    const { totalDocs } = await payload.count({ collection, overrideAccess: true })
    if (totalDocs > 0) return undefined
  }
  return seed(payload, options)
}

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { bumpFeedRevision } from '../utilities/feedRevision'

/** Partners and images appear inside feed items: any change to them purges cached answers. */
export const bumpOnChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await bumpFeedRevision(req)
  return doc
}

export const bumpOnDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await bumpFeedRevision(req)
  return doc
}

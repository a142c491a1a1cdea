import type { CollectionBeforeChangeHook } from 'payload'

import type { Story } from '../../../src/payload-types'

/** Stamps the first publication; later edits keep the original date. */
export const setPublishedAt: CollectionBeforeChangeHook<Story> = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}

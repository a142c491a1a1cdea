import type { CollectionBeforeChangeHook } from 'payload'

/** Stamps the first publication; later edits keep the original date (the feed's "newest"). */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}

import type { DateField } from 'payload'

/** When the document was first published (set by `setPublishedAt`); feeds sort by it. */
export const publishedAtField: DateField = {
  name: 'publishedAt',
  type: 'date',
  label: { de: 'Veröffentlicht am', en: 'Published at' },
  index: true,
  admin: { position: 'sidebar', readOnly: true },
}

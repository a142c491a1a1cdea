import type { TextField } from 'payload'

import { slugify } from '../../../src/utilities/slugify'

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A unique, URL-safe identifier; when left empty it is derived from `sourceField`
 * (German title or name, since German is the default locale).
 */
export const slugField = (sourceField: string): TextField => ({
  name: 'slug',
  type: 'text',
  label: { de: 'Kurzname (URL)', en: 'Slug' },
  required: true,
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: {
      de: 'Wird aus dem Titel erzeugt, wenn leer. Nur a–z, 0–9 und Bindestriche.',
      en: 'Derived from the title when empty. Only a–z, 0–9 and hyphens.',
    },
  },
  hooks: {
    beforeValidate: [
      ({ value, data }) => {
        if (typeof value === 'string' && value.trim() !== '') return value.trim()
        const source = data?.[sourceField]
        return typeof source === 'string' ? slugify(source) : value
      },
    ],
  },
  validate: (value: string | null | undefined) => {
    if (!value) return 'A slug is required (or a title to derive it from).'
    return slugPattern.test(value)
      ? true
      : `Slug "${value}" may only contain lower-case letters a–z, digits and single hyphens.`
  },
})

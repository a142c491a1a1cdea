import type { SelectField } from 'payload'

/** The themes the network works on; a fixed list so that frontends can filter by them. */
export const topicOptions = [
  { value: 'ai', label: { de: 'Künstliche Intelligenz', en: 'Artificial intelligence' } },
  { value: 'robotics', label: { de: 'Robotik', en: 'Robotics' } },
  { value: 'green-it', label: { de: 'Green IT', en: 'Green IT' } },
  { value: 'cybersecurity', label: { de: 'Cybersicherheit', en: 'Cybersecurity' } },
  { value: 'data-security', label: { de: 'Datensicherheit', en: 'Data security' } },
  { value: 'healthcare', label: { de: 'Gesundheitswesen', en: 'Healthcare' } },
  { value: 'skilled-workers', label: { de: 'Fachkräfte', en: 'Skilled workers' } },
  { value: 'automotive', label: { de: 'Automotive', en: 'Automotive' } },
  { value: 'mobile-apps', label: { de: 'Mobile Apps', en: 'Mobile apps' } },
  { value: 'sales', label: { de: 'Vertrieb', en: 'Sales' } },
  {
    value: 'digital-transformation',
    label: { de: 'Digitaler Wandel', en: 'Digital transformation' },
  },
  { value: 'networking', label: { de: 'Vernetzung', en: 'Networking' } },
] as const

export type Topic = (typeof topicOptions)[number]['value']

export const topicsField: SelectField = {
  name: 'topics',
  type: 'select',
  label: { de: 'Themen', en: 'Topics' },
  hasMany: true,
  options: topicOptions.map((option) => ({ ...option })),
  index: true,
}

import type { SelectField } from 'payload'

type Precision = 'year' | 'month' | 'day'

const labels: Record<Precision, { de: string; en: string }> = {
  year: { de: 'Jahr', en: 'Year' },
  month: { de: 'Monat', en: 'Month' },
  day: { de: 'Tag', en: 'Day' },
}

/**
 * How exact the dates are. A source that names only a month (or a year) is recorded at that
 * precision instead of inventing a day; frontends print "September 2023", not "1. September".
 */
export const datePrecisionField = (precisions: Precision[]): SelectField => ({
  name: 'datePrecision',
  type: 'select',
  label: { de: 'Genauigkeit des Datums', en: 'Date precision' },
  required: true,
  defaultValue: 'day',
  options: precisions.map((value) => ({ value, label: labels[value] })),
  admin: { position: 'sidebar' },
})

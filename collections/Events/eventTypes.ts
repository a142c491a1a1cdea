/** The association's recurring formats; `other` for anything else. */
export const eventTypeOptions = [
  { value: 'jahresempfang', label: { de: 'Jahresempfang', en: 'Annual reception' } },
  { value: 'business-lounge', label: { de: 'Business-Lounge', en: 'Business Lounge' } },
  { value: 'it-security-day', label: { de: 'IT-Security-Day', en: 'IT Security Day' } },
  { value: 'digitaltag', label: { de: 'Digitaltag', en: 'Digital Day' } },
  { value: 'cybersecurity-monat', label: { de: 'Cybersecurity-Monat', en: 'Cybersecurity Month' } },
  { value: 'other', label: { de: 'Sonstige', en: 'Other' } },
]

export const eventTimezone = 'Europe/Berlin'

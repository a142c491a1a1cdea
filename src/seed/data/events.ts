import { endOfBerlinDay, startOfBerlinDay } from '../berlinTime'
import type { Localized, OrganisationRef } from './types'

export type EventSeed = {
  slug: string
  title: Localized
  type: 'jahresempfang' | 'business-lounge' | 'it-security-day' | 'digitaltag' | 'cybersecurity-monat' | 'other'
  startsAt: string
  endsAt: string
  datePrecision: 'day' | 'month'
  allDay: boolean
  detailsPending?: boolean
  coHosts?: OrganisationRef[]
  /** Slug of the series event this one belongs to (seeded before it). */
  series?: string
  topics: string[]
  description: Localized
}

// The interview gives dates without times: such an event is recorded as all-day at day precision.
const onDay = (date: string) => ({
  startsAt: startOfBerlinDay(date),
  endsAt: endOfBerlinDay(date),
  datePrecision: 'day' as const,
  allDay: true,
})

const september2023 = {
  startsAt: startOfBerlinDay('2023-09-01'),
  endsAt: endOfBerlinDay('2023-09-30'),
  datePrecision: 'month' as const,
  allDay: true,
}

// The interview says the month had four events but names none: placeholders, marked as such.
const cybersecurityMonthEvent = (number: number): EventSeed => ({
  slug: `cybersecurity-monat-2023-veranstaltung-${number}`,
  title: {
    de: `Cybersecurity-Monat 2023: Veranstaltung ${number} von 4`,
    en: `Cybersecurity Month 2023: event ${number} of 4`,
  },
  type: 'cybersecurity-monat',
  ...september2023,
  detailsPending: true,
  series: 'cybersecurity-monat-2023',
  topics: ['cybersecurity'],
  description: {
    de: `Eine von vier Veranstaltungen des Cybersecurity-Monats im September 2023; Titel und Termin stehen noch nicht fest.`,
    en: `One of the four events of the Cybersecurity Month in September 2023; title and date are not yet announced.`,
  },
})

/** The association's 2023 events as the interview lists them. */
export const events: EventSeed[] = [
  {
    slug: 'jahresempfang-2023',
    title: { de: 'Jahresempfang 2023', en: 'Annual Reception 2023' },
    type: 'jahresempfang',
    ...onDay('2023-02-01'),
    coHosts: [{ relationTo: 'partners', slug: 'bvmw' }],
    topics: ['networking'],
    description: {
      de: 'Jahresempfang des ITnet Thüringen e. V., zusammen mit dem BVMW.',
      en: 'Annual reception of ITnet Thüringen e. V., together with BVMW.',
    },
  },
  {
    slug: 'business-lounge-2023-02',
    title: { de: 'Business-Lounge Februar 2023', en: 'Business Lounge February 2023' },
    type: 'business-lounge',
    ...onDay('2023-02-28'),
    topics: ['networking'],
    description: {
      de: 'Business-Lounge des ITnet Thüringen e. V. am 28. Februar 2023.',
      en: 'Business Lounge of ITnet Thüringen e. V. on 28 February 2023.',
    },
  },
  {
    slug: 'it-security-day-2023',
    title: { de: 'IT-Security-Day 2023', en: 'IT Security Day 2023' },
    type: 'it-security-day',
    ...onDay('2023-04-27'),
    topics: ['cybersecurity'],
    description: {
      de: 'IT-Security-Day des ITnet Thüringen e. V. am 27. April 2023.',
      en: 'IT Security Day of ITnet Thüringen e. V. on 27 April 2023.',
    },
  },
  {
    slug: 'digitaltag-thueringen-2023',
    title: { de: 'Digitaltag Thüringen 2023', en: 'Thuringia Digital Day 2023' },
    type: 'digitaltag',
    startsAt: startOfBerlinDay('2023-06-15'),
    endsAt: endOfBerlinDay('2023-06-16'),
    datePrecision: 'day',
    allDay: true,
    topics: ['digital-transformation'],
    description: {
      de: 'Der Digitaltag Thüringen am 15. und 16. Juni 2023.',
      en: 'Thuringia Digital Day on 15 and 16 June 2023.',
    },
  },
  {
    slug: 'cybersecurity-monat-2023',
    title: { de: 'Cybersecurity-Monat 2023', en: 'Cybersecurity Month 2023' },
    type: 'cybersecurity-monat',
    ...september2023,
    topics: ['cybersecurity'],
    description: {
      de: 'Im September 2023 der Cybersecurity-Monat mit vier Veranstaltungen.',
      en: 'The Cybersecurity Month in September 2023, with four events.',
    },
  },
  cybersecurityMonthEvent(1),
  cybersecurityMonthEvent(2),
  cybersecurityMonthEvent(3),
  cybersecurityMonthEvent(4),
  {
    slug: 'business-lounge-2023-11',
    title: { de: 'Business-Lounge November 2023', en: 'Business Lounge November 2023' },
    type: 'business-lounge',
    ...onDay('2023-11-02'),
    topics: ['networking'],
    description: {
      de: 'Business-Lounge des ITnet Thüringen e. V. am 2. November 2023.',
      en: 'Business Lounge of ITnet Thüringen e. V. on 2 November 2023.',
    },
  },
]

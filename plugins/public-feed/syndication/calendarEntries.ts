import type { StoredDoc } from '../data/readPublished'
import { idOf } from '../utilities/idOf'

/** The stored fields of a published event the calendar reads (every locale at once). */
export type CalendarEvent = StoredDoc & {
  slug: string
  title: unknown
  type: string
  startsAt: string
  endsAt?: string | null
  allDay?: boolean | null
  datePrecision: 'month' | 'day'
  detailsPending?: boolean | null
  location?: {
    online?: boolean | null
    venue?: string | null
    address?: string | null
    city?: string | null
    onlineUrl?: string | null
  } | null
  series?: unknown
  description?: unknown
  registrationUrl?: string | null
  createdAt: string
  updatedAt: string
}

export const calendarSelect: Record<string, true> = {
  slug: true,
  title: true,
  type: true,
  startsAt: true,
  endsAt: true,
  allDay: true,
  datePrecision: true,
  detailsPending: true,
  location: true,
  series: true,
  description: true,
  registrationUrl: true,
  createdAt: true,
  updatedAt: true,
}

/** How an entry occupies the calendar: at its times, on whole days, or as a whole month. */
export type CalendarSpan = 'time' | 'days' | 'month'

export type CalendarEntry = {
  event: CalendarEvent
  span: CalendarSpan
  /** The shown series event this one belongs to. */
  parent?: CalendarEvent
  /** The shown events of this series. */
  children: CalendarEvent[]
}

const spanOf = (event: CalendarEvent, hasChildren: boolean): CalendarSpan | null => {
  if (event.datePrecision !== 'month') return event.allDay ? 'days' : 'time'
  // A date known only to the month has no day to put in a calendar, and the 1st would be a
  // made-up date in every subscriber's calendar. A series with events of its own (the
  // Cybersecurity Month) honestly runs all month and is shown so; any other month-only
  // event, like the series' still unnamed events, waits until its day is known.
  return hasChildren ? 'month' : null
}

/** Which published events the calendar shows, how, and how they link up as series. */
export const calendarEntries = (events: CalendarEvent[]): CalendarEntry[] => {
  const published = new Set(events.map((event) => String(event.id)))
  const withChildren = new Set(
    events.map((event) => idOf(event.series)).filter((id) => id !== undefined && published.has(id)),
  )
  const shown = new Map<string, { event: CalendarEvent; span: CalendarSpan }>()
  for (const event of events) {
    const span = spanOf(event, withChildren.has(String(event.id)))
    if (span) shown.set(String(event.id), { event, span })
  }
  const shownChildren = new Map<string, CalendarEvent[]>()
  for (const { event } of shown.values()) {
    const seriesId = idOf(event.series)
    if (seriesId !== undefined && shown.has(seriesId)) {
      shownChildren.set(seriesId, [...(shownChildren.get(seriesId) ?? []), event])
    }
  }
  return [...shown.values()].map(({ event, span }) => {
    const seriesId = idOf(event.series)
    return {
      event,
      span,
      parent: seriesId === undefined ? undefined : shown.get(seriesId)?.event,
      children: shownChildren.get(String(event.id)) ?? [],
    }
  })
}

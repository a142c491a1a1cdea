import {
  ICalEventStatus,
  ICalEventTransparency,
  type ICalEvent,
  type ICalEventData,
} from 'ical-generator'

import { eventTypeOptions } from '../../../collections/Events/eventTypes'
import { pickLocale } from '../data/readPublished'
import type { FeedLocale } from '../resolvers/context'
import { editorStateOf, textOf } from '../resolvers/richText'
import { berlinDay, berlinMonth, calendarZone, inBerlin } from './berlinTimezone'
import type { CalendarEntry, CalendarEvent } from './calendarEntries'

/** Stable across fetches, so subscribers update an entry instead of adding it again. */
export const uidOf = (event: CalendarEvent, host: string): string => `${event.slug}@${host}`

const titleOf = (event: CalendarEvent, locale: FeedLocale): string =>
  pickLocale<string>(event.title, locale) ?? event.slug

const periodOf = ({
  event,
  span,
}: CalendarEntry): Pick<ICalEventData, 'start' | 'end' | 'allDay'> => {
  const start = inBerlin(event.startsAt)
  if (span === 'time') {
    return { start, end: event.endsAt ? inBerlin(event.endsAt) : null, allDay: false }
  }
  // Stored ends are the last second of the last day or the next midnight: a millisecond back
  // lands on the last day either way. DTEND of whole days is exclusive (RFC 5545 3.6.1).
  const end = event.endsAt ? inBerlin(new Date(new Date(event.endsAt).getTime() - 1)) : start
  const last = end.getTime() < start.getTime() ? start : end
  return span === 'days'
    ? { start: berlinDay(start), end: berlinDay(last, 1), allDay: true }
    : { start: berlinMonth(start), end: berlinMonth(last, 1), allDay: true }
}

const locationOf = (location: CalendarEvent['location']): string | null => {
  if (!location) return null
  if (location.online) return location.onlineUrl || 'Online'
  const parts = [location.venue, location.address, location.city]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part))
  return parts.length > 0 ? parts.join(', ') : null
}

const descriptionOf = (event: CalendarEvent, locale: FeedLocale): string | null => {
  const state = editorStateOf(pickLocale(event.description, locale))
  const text = state ? textOf(state) : ''
  return text === '' ? null : text
}

const categoriesOf = (entry: CalendarEntry, locale: FeedLocale): { name: string }[] => {
  // "Other" sorts nothing: only the association's named formats become a category.
  const type = eventTypeOptions.find(
    (option) => option.value === entry.event.type && option.value !== 'other',
  )
  const series = entry.parent ?? (entry.children.length > 0 ? entry.event : undefined)
  return [type?.label[locale], series && titleOf(series, locale)]
    .filter((name): name is string => Boolean(name))
    .map((name) => ({ name }))
}

/** One VEVENT's data: Berlin times, plain-text description, series named as a category. */
export const calendarEventData = (
  entry: CalendarEntry,
  locale: FeedLocale,
  host: string,
): ICalEventData => {
  const { event } = entry
  return {
    id: uidOf(event, host),
    summary: titleOf(event, locale),
    ...periodOf(entry),
    timezone: calendarZone,
    description: descriptionOf(event, locale),
    location: locationOf(event.location),
    url: event.registrationUrl || null,
    categories: categoriesOf(entry, locale),
    // Placeholder title or date: clients show the entry as not yet certain.
    status: event.detailsPending ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    // A month-long series must not mark a whole month busy in subscribers' calendars.
    transparency: entry.span === 'month' ? ICalEventTransparency.TRANSPARENT : null,
    // The last revision, not the time of the request: the same data gives the same bytes.
    stamp: new Date(event.updatedAt),
    lastModified: new Date(event.updatedAt),
    created: new Date(event.createdAt),
  }
}

/**
 * RELATED-TO between a series and its shown events (RFC 5545 3.8.4.5). ical-generator 11 has
 * no such property, so the lines join the event's own text, before the calendar folds lines.
 */
export const relateEvent = (event: ICalEvent, entry: CalendarEntry, host: string): void => {
  const lines = [
    ...(entry.parent ? [`RELATED-TO;RELTYPE=PARENT:${uidOf(entry.parent, host)}`] : []),
    ...entry.children.map((child) => `RELATED-TO;RELTYPE=CHILD:${uidOf(child, host)}`),
  ]
  if (lines.length === 0) return
  const render = event.toString.bind(event)
  event.toString = () =>
    render().replace(/END:VEVENT\r\n$/, `${lines.join('\r\n')}\r\nEND:VEVENT\r\n`)
}

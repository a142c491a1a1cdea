import { ICalCalendar } from 'ical-generator'

import { findPublished } from '../data/readPublished'
import type { FeedRoute } from '../http/types'
import { vtimezoneOf, calendarZone } from './berlinTimezone'
import { calendarEntries, calendarSelect, type CalendarEvent } from './calendarEntries'
import { calendarEventData, relateEvent } from './calendarEvent'
import { requestLocale } from './requestLocale'

/**
 * `GET /api/feed/events.ics[?locale=en]`: the published events as an iCalendar (RFC 5545).
 * Calendar apps subscribe with `webcal://<host>/api/feed/events.ics`; `webcal:` only tells
 * the client to subscribe, it then fetches the same URL over https with a plain GET.
 */
export const eventsCalendarRoute: FeedRoute = {
  method: 'get',
  path: '/feed/events.ics',
  // public: anonymous read of published events only
  cacheable: true,
  handle: async (request, runtime) => {
    const choice = requestLocale(request)
    if ('refused' in choice) return choice.refused
    const { locale } = choice
    const { site } = runtime.settings
    const host = new URL(runtime.publicUrl(request)).hostname

    // The whole published programme: an association's calendar is small, and a series must
    // see its events to be shown at all.
    const events = (await findPublished(runtime.payload, 'events', {
      select: calendarSelect,
      sort: ['startsAt', 'id'],
    })) as CalendarEvent[]

    const calendar = new ICalCalendar({
      name: site.title,
      description: site.description,
      prodId: { company: site.title, product: 'events', language: locale.toUpperCase() },
      // No calendar-wide zone: ical-generator would then write DTSTAMP without its UTC `Z`.
      // Each event names Europe/Berlin, which adds the VTIMEZONE once.
      timezone: { name: null, generator: vtimezoneOf },
      ttl: 60 * 60,
      x: { 'X-WR-TIMEZONE': calendarZone },
    })
    for (const entry of calendarEntries(events)) {
      relateEvent(calendar.createEvent(calendarEventData(entry, locale, host)), entry, host)
    }

    return {
      status: 200,
      headers: { 'content-type': 'text/calendar; charset=utf-8' },
      body: calendar.toString(),
    }
  },
}

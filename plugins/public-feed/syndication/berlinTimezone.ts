import { TZDate } from '@date-fns/tz'

/** The hub's events happen in Thuringia; the editor enters their times in this zone. */
export const calendarZone = 'Europe/Berlin'

// RFC 5545 wants a VTIMEZONE for every TZID a calendar names, and ical-generator has no time
// zone database. The EU rules (last Sunday of March and of October) hold since 1996; older
// events do not exist in the hub.
const berlinVtimezone = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

/** ical-generator's VTIMEZONE generator: Berlin only, since no event names another zone. */
export const vtimezoneOf = (zone: string): string | null =>
  zone === calendarZone ? berlinVtimezone : null

/**
 * The instant as Berlin wall-clock time. ical-generator formats a plain `Date` with the
 * process's own zone; a `TZDate` carries its zone, so the server's TZ setting cannot shift it.
 */
export const inBerlin = (instant: string | Date): TZDate =>
  new TZDate(new Date(instant).getTime(), calendarZone)

/** Midnight in Berlin of the calendar day `days` after the Berlin day of `instant`. */
export const berlinDay = (instant: TZDate, days = 0): TZDate =>
  new TZDate(instant.getFullYear(), instant.getMonth(), instant.getDate() + days, calendarZone)

/** Midnight in Berlin of the first day of the month `months` after the one of `instant`. */
export const berlinMonth = (instant: TZDate, months = 0): TZDate =>
  new TZDate(instant.getFullYear(), instant.getMonth() + months, 1, calendarZone)

import { APIError, type CollectionBeforeValidateHook } from 'payload'

import type { Event } from '../../../src/payload-types'

/** An event cannot end before it starts, and a series cannot contain itself. */
export const validateEventPeriod: CollectionBeforeValidateHook<Event> = ({ data, originalDoc }) => {
  if (!data) return data
  const startsAt = data.startsAt ?? originalDoc?.startsAt
  const endsAt = 'endsAt' in data ? data.endsAt : originalDoc?.endsAt
  if (startsAt && endsAt && new Date(endsAt).getTime() < new Date(startsAt).getTime()) {
    throw new APIError(
      `The event ends (${endsAt}) before it starts (${startsAt}) (field "endsAt").`,
      400,
      undefined,
      true,
    )
  }
  const series = data.series
  const seriesId = typeof series === 'object' && series !== null ? series.id : series
  if (originalDoc?.id != null && seriesId != null && String(seriesId) === String(originalDoc.id)) {
    throw new APIError('An event cannot be its own series (field "series").', 400, undefined, true)
  }
  return data
}

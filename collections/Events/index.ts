import { hiddenFromMembers } from '../../src/access/hiddenFromMembers'
import type { CollectionConfig, DateField } from 'payload'

import { isEditor } from '../../src/access/isEditor'
import { isSignedIn } from '../../src/access/isSignedIn'
import { publishedOrEditor } from '../../src/access/publishedOrEditor'
import { datePrecisionField } from '../shared/fields/datePrecision'
import { publishedAtField } from '../shared/fields/publishedAt'
import { slugField } from '../shared/fields/slug'
import { topicsField } from '../shared/fields/topics'
import { urlField } from '../shared/fields/url'
import { setPublishedAt } from '../shared/hooks/setPublishedAt'
import { eventTimezone, eventTypeOptions } from './eventTypes'
import { validateEventPeriod } from './hooks/validateEventPeriod'

// Stored as UTC instants; the editor enters and reads them in Europe/Berlin.
const berlinDate = (
  name: string,
  label: { de: string; en: string },
  required: boolean,
): DateField => ({
  name,
  type: 'date',
  label,
  required,
  index: true,
  timezone: {
    defaultTimezone: eventTimezone,
    supportedTimezones: [{ label: 'Europe/Berlin', value: eventTimezone }],
  },
  admin: { date: { pickerAppearance: 'dayAndTime', timeFormat: 'HH:mm' } },
})

/** The association's events: receptions, lounges, security days, the Digitaltag, series. */
export const Events: CollectionConfig = {
  slug: 'events',
  labels: {
    singular: { de: 'Veranstaltung', en: 'Event' },
    plural: { de: 'Veranstaltungen', en: 'Events' },
  },
  admin: {
    hidden: hiddenFromMembers,
    useAsTitle: 'title',
    defaultColumns: ['title', 'type', 'startsAt', 'datePrecision', '_status'],
    group: { de: 'Inhalte', en: 'Content' },
  },
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: 'startsAt',
  access: {
    admin: isSignedIn,
    create: isEditor,
    read: publishedOrEditor,
    readVersions: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  hooks: {
    beforeValidate: [validateEventPeriod],
    beforeChange: [setPublishedAt],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Titel', en: 'Title' },
      required: true,
      localized: true,
    },
    slugField('title'),
    {
      name: 'type',
      type: 'select',
      label: { de: 'Format', en: 'Type' },
      required: true,
      defaultValue: 'other',
      index: true,
      options: eventTypeOptions,
    },
    {
      type: 'row',
      fields: [
        berlinDate('startsAt', { de: 'Beginn', en: 'Starts' }, true),
        berlinDate('endsAt', { de: 'Ende', en: 'Ends' }, false),
      ],
    },
    {
      name: 'allDay',
      type: 'checkbox',
      label: { de: 'Ganztägig', en: 'All day' },
      defaultValue: false,
      admin: { position: 'sidebar' },
    },
    datePrecisionField(['month', 'day']),
    {
      name: 'detailsPending',
      type: 'checkbox',
      label: { de: 'Titel und Termin noch offen', en: 'Title and date not yet announced' },
      defaultValue: false,
      admin: {
        position: 'sidebar',
        description: {
          de: 'Die Quelle nennt diese Veranstaltung, aber weder Titel noch Tag: der Titel ist ein Platzhalter.',
          en: 'The source names this event but neither its title nor its day: the title is a placeholder.',
        },
      },
    },
    {
      name: 'location',
      type: 'group',
      label: { de: 'Ort', en: 'Location' },
      fields: [
        {
          name: 'online',
          type: 'checkbox',
          label: { de: 'Online', en: 'Online' },
          defaultValue: false,
        },
        { name: 'venue', type: 'text', label: { de: 'Veranstaltungsort', en: 'Venue' } },
        { name: 'address', type: 'text', label: { de: 'Adresse', en: 'Address' } },
        { name: 'city', type: 'text', label: { de: 'Stadt', en: 'City' } },
        urlField('onlineUrl', { de: 'Online-Zugang', en: 'Online link' }),
      ],
    },
    {
      name: 'coHosts',
      type: 'relationship',
      label: { de: 'Mitveranstalter', en: 'Co-hosts' },
      relationTo: ['members', 'partners'],
      hasMany: true,
    },
    {
      name: 'series',
      type: 'relationship',
      label: { de: 'Teil der Reihe', en: 'Part of series' },
      relationTo: 'events',
      index: true,
      admin: {
        position: 'sidebar',
        description: {
          de: 'Z. B. eine Veranstaltung des Cybersecurity-Monats.',
          en: 'E.g. one event of the Cybersecurity Month.',
        },
      },
    },
    {
      name: 'seriesEvents',
      type: 'join',
      label: { de: 'Veranstaltungen der Reihe', en: 'Events in this series' },
      collection: 'events',
      on: 'series',
      defaultSort: 'startsAt',
    },
    urlField('registrationUrl', { de: 'Anmeldung', en: 'Registration' }),
    publishedAtField,
    topicsField,
    {
      name: 'description',
      type: 'richText',
      label: { de: 'Beschreibung', en: 'Description' },
      localized: true,
    },
  ],
}

import type { CollectionConfig } from 'payload'

import { scheduledPublicationStep } from '../defaults'
import type { WorkflowContext } from '../types'

/**
 * The workflow's history: one row per transition. Only the plugin writes it (its `key` names
 * the document version a transition started from and is unique, so of two concurrent
 * transitions exactly one is recorded);
 * editors read all of it, a member its own organisation's rows, nobody else anything.
 */
export const workflowEventsCollection = ({
  eventsSlug,
  options,
  definition,
}: WorkflowContext): CollectionConfig => ({
  slug: eventsSlug,
  labels: {
    singular: { de: 'Freigabeschritt', en: 'Workflow event' },
    plural: { de: 'Freigabeverlauf', en: 'Workflow history' },
  },
  admin: {
    // Members read their own organisation's rows through the API, not in the navigation.
    hidden: ({ user }) => !options.isEditor(user as never),
    useAsTitle: 'transition',
    defaultColumns: ['collection', 'document', 'transition', 'to', 'user', 'at'],
    group: { de: 'Verwaltung', en: 'Administration' },
  },
  defaultSort: '-at',
  access: {
    read: ({ req: { user } }) => {
      if (options.isEditor(user)) return true
      const organisation = options.organisationOf(user)
      return organisation === undefined ? false : { organisation: { equals: String(organisation) } }
    },
    create: () => false,
    update: () => false,
    delete: () => false,
    readVersions: () => false,
  },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'collection', type: 'text', required: true, index: true },
    { name: 'document', type: 'text', required: true, index: true },
    { name: 'organisation', type: 'text', index: true },
    {
      name: 'transition',
      type: 'select',
      required: true,
      options: [
        ...definition.transitions.map((transition) => ({
          value: transition.name,
          label: transition.label,
        })),
        {
          value: scheduledPublicationStep,
          label: { de: 'Geplante Veröffentlichung', en: 'Scheduled publication' },
        },
      ],
    },
    { name: 'from', type: 'text', required: true },
    { name: 'to', type: 'text', required: true },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    { name: 'comment', type: 'textarea' },
    /** The id of the document version the step produced. */
    { name: 'version', type: 'text' },
    {
      name: 'at',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
})

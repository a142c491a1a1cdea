import type { GroupField } from 'payload'

import { workflowFieldName } from '../defaults'
import type { WorkflowCollectionOptions, WorkflowContext } from '../types'
import { belongsToDocument } from '../utilities/organisation'

/**
 * The workflow state of a version, who submitted it and when it is to go live. Written only
 * by transitions; readable by editors and the document's organisation.
 */
export const workflowField = (
  { definition, options }: WorkflowContext,
  collection: WorkflowCollectionOptions,
): GroupField => ({
  name: workflowFieldName,
  type: 'group',
  label: { de: 'Freigabe', en: 'Review' },
  access: {
    read: ({ req: { user }, doc }) =>
      options.isEditor(user) || belongsToDocument(user, doc, collection, options),
  },
  admin: { position: 'sidebar', readOnly: true },
  fields: [
    {
      name: 'state',
      type: 'select',
      label: { de: 'Status', en: 'State' },
      required: true,
      index: true,
      defaultValue: definition.initialState,
      options: Object.entries(definition.states).map(([value, state]) => ({
        value,
        label: state.label,
      })),
      // A copy starts the workflow from the beginning.
      hooks: { beforeDuplicate: [() => definition.initialState] },
    },
    {
      name: 'submittedBy',
      type: 'relationship',
      label: { de: 'Eingereicht von', en: 'Submitted by' },
      relationTo: 'users',
      hooks: { beforeDuplicate: [() => null] },
    },
    {
      name: 'publishAt',
      type: 'date',
      label: { de: 'Veröffentlichen am', en: 'Publish at' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      hooks: { beforeDuplicate: [() => null] },
    },
  ],
})

import type { GroupField, UIField } from 'payload'

import { workflowFieldName, workflowPanelPath } from '../defaults'
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
  label: { de: 'Freigabedaten', en: 'Review data' },
  access: {
    // Without a document (the admin's form state) there is nothing to leak.
    read: ({ req: { user }, doc }) =>
      options.isEditor(user) || !doc || belongsToDocument(user, doc, collection, options),
  },
  admin: { position: 'sidebar', readOnly: true },
  fields: [
    {
      name: 'state',
      type: 'select',
      label: { de: 'Status', en: 'State' },
      // Not `required`: that would make Payload's GraphQL demand the group on every update.
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

/** The review panel (state, allowed transitions, comment, history) in the document sidebar. */
export const workflowPanelField = ({ definition }: WorkflowContext): UIField => ({
  name: 'workflowPanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: {
      Field: {
        path: workflowPanelPath,
        clientProps: {
          states: Object.fromEntries(
            Object.entries(definition.states).map(([name, state]) => [name, state.label]),
          ),
          transitions: definition.transitions.map((transition) => ({
            name: transition.name,
            label: transition.label,
            commentRequired: Boolean(transition.commentRequired),
            schedulable: Boolean(transition.scheduledTo),
          })),
        },
      },
    },
  },
})

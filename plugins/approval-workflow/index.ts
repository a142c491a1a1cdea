import type { CollectionSlug, Config, Plugin } from 'payload'

import { workflowAccess } from './access/workflowAccess'
import { workflowEventsCollection } from './collections/workflowEvents'
import {
  awaitingReviewPath,
  defaultDefinition,
  defaultEventsSlug,
  reviewState,
  workflowFieldName,
  workflowQueue,
} from './defaults'
import { workflowEndpoints } from './endpoints/workflowEndpoints'
import { workflowField, workflowPanelField } from './fields/workflowField'
import { workflowTransitionMutation } from './graphql/workflowTransitionMutation'
import { guardWorkflowFields } from './hooks/guardWorkflowFields'
import { guardWorkflowWrites } from './hooks/guardWorkflowWrites'
import { notifyTask } from './tasks/notifyTask'
import { publishScheduledTask } from './tasks/publishScheduledTask'
import type { ApprovalWorkflowOptions, WorkflowContext } from './types'

export type { ApprovalWorkflowOptions, WorkflowDefinition } from './types'
export { defaultDefinition } from './defaults'
export { WorkflowError } from './errors'

/**
 * Members submit, editors review, only approved content goes live: wraps the given
 * collections with the workflow fields, guards and endpoints, and adds the history
 * collection and the GraphQL mutation.
 */
export const approvalWorkflow =
  (options: ApprovalWorkflowOptions): Plugin =>
  (config: Config): Config => {
    const context: WorkflowContext = {
      definition: options.definition ?? defaultDefinition,
      eventsSlug: options.eventsSlug ?? defaultEventsSlug,
      options,
    }
    const collections = (config.collections ?? []).map((collection) => {
      const collectionOptions = options.collections[collection.slug]
      if (!collectionOptions) return collection
      const withField = {
        ...collection,
        fields: [
          ...collection.fields,
          workflowPanelField(context),
          workflowField(context, collectionOptions),
        ],
      }
      // Disabled: the schema stays (fields, history) but nothing is enforced.
      if (options.disabled) return withField
      return {
        ...withField,
        admin: {
          ...collection.admin,
          // The state as a list column (and so a filter) beside the collection's own columns.
          ...(collection.admin?.defaultColumns
            ? { defaultColumns: [...collection.admin.defaultColumns, `${workflowFieldName}.state`] }
            : {}),
        },
        versions: {
          ...(typeof collection.versions === 'object' ? collection.versions : {}),
          drafts: {
            ...(typeof collection.versions === 'object' &&
            typeof collection.versions.drafts === 'object'
              ? collection.versions.drafts
              : {}),
            // A pending revision is validated like a publication, so bad input fails on save.
            validate: true,
          },
        },
        access: workflowAccess(collection.access, context, collectionOptions),
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), guardWorkflowWrites],
          beforeChange: [guardWorkflowFields(context), ...(collection.hooks?.beforeChange ?? [])],
        },
        endpoints: [
          ...(collection.endpoints || []),
          ...workflowEndpoints(collection.slug as CollectionSlug, collectionOptions, context),
        ],
      }
    })
    const existingMutations = config.graphQL?.mutations
    const existingAutoRun = config.jobs?.autoRun
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          beforeDashboard: [
            ...(config.admin?.components?.beforeDashboard ?? []),
            {
              path: awaitingReviewPath,
              serverProps: { collections: Object.keys(options.collections), reviewState },
            },
          ],
        },
      },
      collections: [...collections, workflowEventsCollection(context)],
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), publishScheduledTask(context), notifyTask(context)],
        // The server runs its own queue: a queue nobody polls would never publish.
        autoRun: options.disabled
          ? existingAutoRun
          : async (payload) => [
              ...(typeof existingAutoRun === 'function'
                ? await existingAutoRun(payload)
                : (existingAutoRun ?? [])),
              { cron: options.scheduleCron ?? '* * * * *', queue: workflowQueue, limit: 20 },
            ],
      },
      graphQL: {
        ...config.graphQL,
        mutations: options.disabled
          ? existingMutations
          : (GraphQL, payload) => ({
              ...(existingMutations ? existingMutations(GraphQL, payload) : {}),
              ...workflowTransitionMutation(context)(GraphQL, payload),
            }),
      },
    }
  }

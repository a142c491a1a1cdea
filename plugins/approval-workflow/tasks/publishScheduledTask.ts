import type { CollectionSlug, PayloadRequest, TaskConfig } from 'payload'

import { publishScheduledTaskSlug, scheduledPublicationStep } from '../defaults'
import type { WorkflowContext } from '../types'
import { stateOf } from '../utilities/transitionRules'
import { writeTransition } from '../utilities/writeTransition'

/**
 * Publishes a scheduled approval once its time has come. Queued by the approve transition
 * with `waitUntil`; a document unscheduled (or otherwise moved on) in the meantime is left
 * alone, and a failure is retried by the jobs queue.
 */
// Plugin tasks are not in the host's generated job types, hence the cast at the end.
export const publishScheduledTask = (context: WorkflowContext): TaskConfig =>
  ({
    slug: publishScheduledTaskSlug,
    retries: 3,
    inputSchema: [
      { name: 'collection', type: 'text', required: true },
      { name: 'id', type: 'text', required: true },
    ],
    handler: async ({ input, req }: { input: unknown; req: PayloadRequest }) => {
      const { collection, id } = input as { collection: string; id: string }
      const collectionOptions = context.options.collections[collection]
      if (!collectionOptions) return { output: {} }
      const doc = (await req.payload.findByID({
        collection: collection as CollectionSlug,
        id,
        draft: true,
        depth: 0,
        overrideAccess: true,
        req,
      })) as unknown as Record<string, unknown>
      const from = stateOf(doc, context)
      const scheduledStates = context.definition.transitions.flatMap((t) =>
        t.scheduledTo ? [t.scheduledTo] : [],
      )
      const workflow = (doc.workflow ?? {}) as { submittedBy?: unknown; publishAt?: string | null }
      if (!scheduledStates.includes(from)) return { output: {} }
      if (workflow.publishAt && new Date(workflow.publishAt).getTime() > Date.now()) {
        // Rescheduled later than this job: a newer job will publish it.
        return { output: {} }
      }
      await writeTransition(
        req,
        {
          collection: collection as CollectionSlug,
          collectionOptions,
          doc,
          transition: scheduledPublicationStep,
          from,
          to: context.definition.publishedState,
          userId: null,
          comment: null,
          notify: context.definition.notifyOnScheduledPublication,
          workflow: {
            state: context.definition.publishedState,
            submittedBy: workflow.submittedBy ?? null,
            publishAt: null,
          },
        },
        context,
      )
      return { output: {} }
    },
  }) as unknown as TaskConfig

import type { CollectionSlug, PayloadRequest, TaskConfig } from 'payload'

import { notifyTaskSlug } from '../defaults'
import type { NotifyTarget, WorkflowContext } from '../types'
import { idOf } from '../utilities/organisation'

export type NotifyInput = {
  collection: string
  id: string
  step: string
  to: string
  target: NotifyTarget
  comment?: string | null
}

const recipients = async (
  req: PayloadRequest,
  input: NotifyInput,
  doc: Record<string, unknown>,
  context: WorkflowContext,
) => {
  if (input.target === 'editors') return (await context.options.editorEmails?.(req)) ?? []
  const submitter = idOf((doc.workflow as { submittedBy?: unknown } | undefined)?.submittedBy)
  if (submitter === undefined) return []
  const user = await req.payload.findByID({
    collection: (context.options.usersSlug ?? 'users') as CollectionSlug,
    id: submitter,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const email = (user as { email?: string }).email
  return email ? [email] : []
}

/**
 * Tells the editors (a submission) or the submitter (a decision) by e-mail. It runs in the
 * jobs queue after the transition committed: a failed e-mail is retried there and never
 * undoes the transition.
 */
// Plugin tasks are not in the host's generated job types, hence the cast at the end.
export const notifyTask = (context: WorkflowContext): TaskConfig =>
  ({
    slug: notifyTaskSlug,
    retries: 5,
    inputSchema: [
      { name: 'collection', type: 'text', required: true },
      { name: 'id', type: 'text', required: true },
      { name: 'step', type: 'text', required: true },
      { name: 'to', type: 'text', required: true },
      { name: 'target', type: 'text', required: true },
      { name: 'comment', type: 'text' },
    ],
    handler: async ({ input, req }: { input: NotifyInput; req: PayloadRequest }) => {
      const collection = req.payload.collections[input.collection as CollectionSlug]
      if (!collection) return { output: {} }
      const doc = (await req.payload.findByID({
        collection: input.collection as CollectionSlug,
        id: input.id,
        draft: true,
        depth: 0,
        overrideAccess: true,
        req,
      })) as unknown as Record<string, unknown>
      const to = await recipients(req, input, doc, context)
      if (to.length === 0) return { output: {} }
      const titleField = collection.config.admin?.useAsTitle ?? 'id'
      const title = String(doc[titleField] ?? input.id)
      const state = context.definition.states[input.to]?.label ?? { de: input.to, en: input.to }
      const subject = `ITnet Hub: „${title}“ – ${state.de} / ${state.en}`
      const text = [
        `„${title}“ (${input.collection} ${input.id}) ist jetzt: ${state.de}.`,
        input.comment ? `Kommentar: ${input.comment}` : '',
        '',
        `"${title}" (${input.collection} ${input.id}) is now: ${state.en}.`,
        input.comment ? `Comment: ${input.comment}` : '',
      ]
        .filter((line, index, lines) => line !== '' || lines[index - 1] !== '')
        .join('\n')
      // Throws when the mail server refuses: the jobs queue retries.
      await req.payload.sendEmail({ to, subject, text })
      return { output: {} }
    },
  }) as unknown as TaskConfig

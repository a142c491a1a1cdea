import type { Access, CollectionConfig, Where } from 'payload'

import { transitionContextKey } from '../defaults'
import type { WorkflowCollectionOptions, WorkflowContext } from '../types'

const publishes = (data: unknown) =>
  (data as { _status?: unknown } | undefined)?._status === 'published'

/** The collection's own rule, minus publishing outside a transition (also hides Publish in the admin). */
const withoutPublishing =
  (original: Access | undefined): Access =>
  async (args) => {
    if (publishes(args.data) && !args.req.context?.[transitionContextKey]) return false
    return original ? original(args) : Boolean(args.req.user)
  }

/**
 * Version histories (drafts, pending revisions, rejected texts) belong to the editors and the
 * document's own organisation.
 */
const versionReaders =
  ({ options }: WorkflowContext, collection: WorkflowCollectionOptions): Access =>
  ({ req: { user } }) => {
    if (options.isEditor(user)) return true
    const organisation = options.organisationOf(user)
    if (organisation === undefined) return false
    const field =
      collection.organisationField === 'id' ? 'parent' : `version.${collection.organisationField}`
    return { [field]: { equals: organisation } } as Where
  }

export const workflowAccess = (
  access: CollectionConfig['access'],
  context: WorkflowContext,
  collection: WorkflowCollectionOptions,
): CollectionConfig['access'] => ({
  ...access,
  create: withoutPublishing(access?.create),
  update: withoutPublishing(access?.update),
  readVersions: versionReaders(context, collection),
})

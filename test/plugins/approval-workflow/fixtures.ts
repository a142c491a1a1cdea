import { type CollectionSlug, createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { defaultDefinition } from '../../../plugins/approval-workflow'
import type { WorkflowContext, WorkflowStatus } from '../../../plugins/approval-workflow/types'
import { performTransition } from '../../../plugins/approval-workflow/utilities/performTransition'
import { readWorkflowStatus } from '../../../plugins/approval-workflow/utilities/readWorkflow'
import { workflowOptions } from './config'

export const articles = 'articles' as CollectionSlug
export const collectionOptions = workflowOptions.collections.articles!
/** The plugin's context exactly as the test config builds it. */
export const context: WorkflowContext = {
  definition: defaultDefinition,
  eventsSlug: 'workflow-events',
  options: workflowOptions,
}
const orgs = 'orgs' as CollectionSlug
const users = 'users' as CollectionSlug

export type ActorName =
  | 'anonymous'
  | 'author'
  | 'colleague'
  | 'otherMember'
  | 'submittingEditor'
  | 'otherEditor'
  | 'admin'
export const actorNames: ActorName[] = [
  'anonymous',
  'author',
  'colleague',
  'otherMember',
  'submittingEditor',
  'otherEditor',
  'admin',
]

export type AuthUser = {
  id: number | string
  collection: 'users'
  role: string
  org?: unknown
} & Record<string, unknown>
export type Fixture = {
  payload: Payload
  org: number | string
  otherOrg: number | string
  users: Record<ActorName, AuthUser | null>
  reqAs: (actor: ActorName) => Promise<PayloadRequest>
  /** An article of `org` that the system put into `state` (submitted by `submittingEditor`). */
  articleIn: (state: string, live?: boolean) => Promise<{ id: number | string }>
  /** `actor` takes a transition through the plugin's one door. */
  transition: (
    actor: ActorName,
    id: number | string,
    name: string,
    extra?: Record<string, unknown>,
  ) => Promise<WorkflowStatus>
  /** The workflow status as `actor` reads it. */
  statusAs: (actor: ActorName, id: number | string) => Promise<WorkflowStatus>
  /** The latest version as stored (drafts included). */
  stored: (id: number | string) => Promise<StoredArticle>
}

export type StoredArticle = {
  _status: string
  title: string
  workflow: { state: string; submittedBy: unknown }
}

export const createFixture = async (payload: Payload): Promise<Fixture> => {
  const org = (await payload.create({ collection: orgs, data: { name: 'Muster GmbH' } as never }))
    .id
  const otherOrg = (
    await payload.create({ collection: orgs, data: { name: 'Andere GmbH' } as never })
  ).id
  let n = 0
  const user = async (role: string, organisation?: number | string): Promise<AuthUser> => {
    const created = await payload.create({
      collection: users,
      data: {
        email: `u${++n}@example.org`,
        password: 'a long password',
        role,
        org: organisation ?? null,
      } as never,
    })
    return { ...(created as unknown as AuthUser), collection: 'users' }
  }
  const fixtureUsers: Record<ActorName, AuthUser | null> = {
    anonymous: null,
    author: await user('member', org),
    colleague: await user('member', org),
    otherMember: await user('member', otherOrg),
    submittingEditor: await user('editor'),
    otherEditor: await user('editor'),
    admin: await user('admin'),
  }
  const reqAs = (actor: ActorName) =>
    createLocalReq({ user: fixtureUsers[actor] as never }, payload)
  return {
    payload,
    org,
    otherOrg,
    users: fixtureUsers,
    reqAs,
    transition: async (actor, id, name, extra = {}) =>
      performTransition(
        await reqAs(actor),
        { collection: articles, collectionOptions, id: String(id), transition: name, ...extra },
        context,
      ),
    statusAs: async (actor, id) =>
      readWorkflowStatus(await reqAs(actor), articles, collectionOptions, String(id), context),
    stored: async (id) =>
      (await payload.findByID({
        collection: articles,
        id,
        draft: true,
        depth: 0,
      })) as unknown as StoredArticle,
    articleIn: async (state, live = state === 'published') => {
      const doc = await payload.create({
        collection: articles,
        data: {
          title: `Artikel ${++n}`,
          org,
          _status: live ? 'published' : 'draft',
          workflow: { state, submittedBy: fixtureUsers.submittingEditor!.id },
        } as never,
      })
      return { id: doc.id }
    },
  }
}

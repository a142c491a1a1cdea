import { type CollectionSlug, createLocalReq, type Payload, type PayloadRequest } from 'payload'

export const articles = 'articles' as CollectionSlug
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
  return {
    payload,
    org,
    otherOrg,
    users: fixtureUsers,
    reqAs: (actor) => createLocalReq({ user: fixtureUsers[actor] as never }, payload),
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

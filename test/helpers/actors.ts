import type { Payload } from 'payload'

import type { Member, User } from '../../src/payload-types'

export type ActorName = 'anonymous' | 'member' | 'otherMember' | 'editor' | 'admin'
export const actorNames: ActorName[] = ['anonymous', 'member', 'otherMember', 'editor', 'admin']

/** A user as Payload's auth puts it on `req.user`. */
export type Actor = (User & { collection: 'users' }) | null

export type Actors = {
  users: Record<ActorName, Actor>
  /** The member organisation of `member`; `otherMember` belongs to `otherOrganisation`. */
  organisation: Member
  otherOrganisation: Member
}

const password = 'correct horse battery staple'
const organisationDefaults = {
  membershipType: 'ordinary',
  kind: 'company',
  _status: 'published',
  workflow: { state: 'published' },
} as const

/** Two member organisations and one user of every role, created by the system. */
export const createActors = async (payload: Payload): Promise<Actors> => {
  const organisation = await payload.create({
    collection: 'members',
    data: { name: 'Muster Software GmbH', slug: 'muster-software', ...organisationDefaults },
  })
  const otherOrganisation = await payload.create({
    collection: 'members',
    data: { name: 'Beispiel IT GmbH', slug: 'beispiel-it', ...organisationDefaults },
  })
  const user = async (email: string, role: User['role'], member?: Member): Promise<Actor> => {
    const created = await payload.create({
      collection: 'users',
      data: { email, password, role, member: member?.id ?? null, name: email },
    })
    return { ...created, collection: 'users' }
  }
  return {
    organisation,
    otherOrganisation,
    users: {
      anonymous: null,
      member: await user('member@muster.example', 'member', organisation),
      otherMember: await user('member@beispiel.example', 'member', otherOrganisation),
      editor: await user('editor@itnet.example', 'editor'),
      admin: await user('admin@itnet.example', 'admin'),
    },
  }
}

export const actorPassword = password

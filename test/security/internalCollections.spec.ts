import type { CollectionSlug, Payload } from 'payload'

import { createActors, type Actor, type Actors } from '../helpers/actors'
import { bootPayload, type BootedPayload } from '../helpers/bootPayload'
import { refusalStatus } from '../helpers/expectRefused'
import { testDatabaseKinds } from '../helpers/testDatabases'
import { demo, demoPassword, startHub, type Hub } from './helpers/hub'

/**
 * S06: Payload's own collections state every operation. Acted as real users through the
 * Local API (`overrideAccess: false`), the store re-read as the system after each refusal.
 */

type Role = 'anonymous' | 'member' | 'editor' | 'admin'
const roles: Role[] = ['anonymous', 'member', 'editor', 'admin']

type Row = { id: number | string }
type Lock = Row & { user?: { value: unknown } }

const idOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as Row).id : value

describe.each(testDatabaseKinds())('internal collections on $name', (kind) => {
  let booted: BootedPayload
  let payload: Payload
  let actors: Actors
  let projectId: number | string

  const as = (role: Role | 'otherMember') => ({
    user: actors.users[role] as Actor,
    overrideAccess: false,
  })
  const all = async (collection: string) =>
    (
      await payload.find({
        collection: collection as CollectionSlug,
        pagination: false,
        depth: 0,
      })
    ).docs as unknown as Row[]

  beforeAll(async () => {
    booted = await bootPayload(kind)
    payload = booted.payload
    actors = await createActors(payload)
    const project = await payload.create({
      collection: 'projects',
      data: { title: 'EFA', slug: 'efa', _status: 'published' } as never,
    })
    projectId = project.id
  })

  afterAll(async () => {
    await booted?.shutdown()
  })

  describe('payload-jobs', () => {
    let jobId: number | string

    beforeAll(async () => {
      const job = await payload.create({
        collection: 'payload-jobs',
        data: { taskSlug: 'inline', input: { note: 'S06' } } as never,
      })
      jobId = job.id
    })

    it.each(roles)('[S06] should let %s read jobs only when admin', async (role) => {
      if (role === 'admin') {
        const found = await payload.find({ collection: 'payload-jobs', ...as(role) })
        expect(found.docs.map((doc) => doc.id)).toContain(jobId)
        return
      }
      await refusalStatus(() => payload.find({ collection: 'payload-jobs', ...as(role) }))
      await refusalStatus(() =>
        payload.findByID({ collection: 'payload-jobs', id: jobId, ...as(role) }),
      )
    })

    it.each(roles)(
      '[S06] should refuse %s creating or changing a job; only an admin removes one',
      async (role) => {
        const before = await all('payload-jobs')
        await refusalStatus(() =>
          payload.create({
            collection: 'payload-jobs',
            data: { taskSlug: 'inline', input: { injected: true } } as never,
            ...as(role),
          }),
        )
        await refusalStatus(() =>
          payload.update({
            collection: 'payload-jobs',
            id: jobId,
            data: { input: { injected: true } } as never,
            ...as(role),
          }),
        )
        if (role !== 'admin') {
          await refusalStatus(() =>
            payload.delete({ collection: 'payload-jobs', id: jobId, ...as(role) }),
          )
        }
        const after = await all('payload-jobs')
        expect(after).toEqual(before)
        const job = await payload.findByID({ collection: 'payload-jobs', id: jobId })
        expect(job.input).toEqual({ note: 'S06' })
      },
    )

    it('[S06] should let an admin remove a job', async () => {
      const job = await payload.create({
        collection: 'payload-jobs',
        data: { taskSlug: 'inline', input: { note: 'remove me' } } as never,
      })
      await payload.delete({ collection: 'payload-jobs', id: job.id, ...as('admin') })
      expect((await all('payload-jobs')).map((row) => row.id)).not.toContain(job.id)
    })
  })

  describe('payload-kv and payload-migrations', () => {
    beforeAll(async () => {
      await payload.kv.set('s06-secret', { value: 'kept' })
    })

    it.each(roles)('[S06] should close the key-value store to %s', async (role) => {
      const before = await all('payload-kv')
      expect(before.length).toBeGreaterThan(0)
      const [row] = before
      await refusalStatus(() => payload.find({ collection: 'payload-kv', ...as(role) }))
      await refusalStatus(() =>
        payload.create({
          collection: 'payload-kv',
          data: { key: `s06-${role}`, data: { injected: true } } as never,
          ...as(role),
        }),
      )
      await refusalStatus(() =>
        payload.update({
          collection: 'payload-kv',
          id: row!.id,
          data: { data: { injected: true } } as never,
          ...as(role),
        }),
      )
      await refusalStatus(() =>
        payload.delete({ collection: 'payload-kv', id: row!.id, ...as(role) }),
      )
      expect(await all('payload-kv')).toEqual(before)
      expect(await payload.kv.get('s06-secret')).toEqual({ value: 'kept' })
    })

    it.each(roles)(
      '[S06] should let %s read migrations only when admin, and nobody write them',
      async (role) => {
        const before = await all('payload-migrations')
        expect(before.length).toBeGreaterThan(0)
        const [row] = before
        if (role === 'admin') {
          const found = await payload.find({ collection: 'payload-migrations', ...as(role) })
          expect(found.totalDocs).toBe(before.length)
        } else {
          await refusalStatus(() => payload.find({ collection: 'payload-migrations', ...as(role) }))
        }
        await refusalStatus(() =>
          payload.create({
            collection: 'payload-migrations',
            data: { name: 'injected', batch: 99 } as never,
            ...as(role),
          }),
        )
        await refusalStatus(() =>
          payload.update({
            collection: 'payload-migrations',
            id: row!.id,
            data: { batch: 99 } as never,
            ...as(role),
          }),
        )
        await refusalStatus(() =>
          payload.delete({ collection: 'payload-migrations', id: row!.id, ...as(role) }),
        )
        expect(await all('payload-migrations')).toEqual(before)
      },
    )
  })

  describe('payload-preferences', () => {
    const ownKey = (role: Role) => `s06-nav-${role}`
    const prefOf = async (role: Exclude<Role, 'anonymous'>) =>
      (
        await payload.find({
          collection: 'payload-preferences',
          where: { key: { equals: ownKey(role) } },
          depth: 0,
        })
      ).docs[0] as unknown as Row & { value: unknown; user: { value: unknown } }

    beforeAll(async () => {
      for (const role of ['member', 'editor', 'admin'] as const) {
        // As the admin panel does: the collection takes the user from the request.
        await payload.create({
          collection: 'payload-preferences',
          data: { key: ownKey(role), value: { open: true } } as never,
          ...as(role),
        })
      }
    })

    it('[S06] should refuse preferences to anonymous callers', async () => {
      await refusalStatus(() =>
        payload.find({ collection: 'payload-preferences', ...as('anonymous') }),
      )
      await refusalStatus(() =>
        payload.create({
          collection: 'payload-preferences',
          data: { key: 'anon', value: {} } as never,
          ...as('anonymous'),
        }),
      )
    })

    it.each(['member', 'editor', 'admin'] as const)(
      "[S06] should show %s its own preferences and none of another user's",
      async (role) => {
        const seen = await payload.find({
          collection: 'payload-preferences',
          depth: 0,
          ...as(role),
        })
        expect(seen.docs.map((doc) => (doc as unknown as { key: string }).key)).toEqual([
          ownKey(role),
        ])
      },
    )

    it.each(['member', 'editor', 'admin'] as const)(
      "[S06] should refuse %s reading, changing or deleting another user's preferences",
      async (role) => {
        const victim = role === 'member' ? 'editor' : 'member'
        const theirs = await prefOf(victim)
        await refusalStatus(() =>
          payload.findByID({ collection: 'payload-preferences', id: theirs.id, ...as(role) }),
        )
        await refusalStatus(() =>
          payload.update({
            collection: 'payload-preferences',
            id: theirs.id,
            data: { value: { hijacked: true } } as never,
            ...as(role),
          }),
        )
        await refusalStatus(() =>
          payload.delete({ collection: 'payload-preferences', id: theirs.id, ...as(role) }),
        )
        const after = await prefOf(victim)
        expect(after.value).toEqual({ open: true })
      },
    )

    it.each(['member', 'editor', 'admin'] as const)(
      '[S06] should keep the admin panel storing preferences for %s, always as its own',
      async (role) => {
        const victim = role === 'member' ? actors.users.editor! : actors.users.member!
        const created = await payload.create({
          collection: 'payload-preferences',
          data: {
            key: `s06-columns-${role}`,
            value: { columns: ['title'] },
            user: { relationTo: 'users', value: victim.id },
          } as never,
          ...as(role),
        })
        expect(idOf((created as unknown as { user: { value: unknown } }).user.value)).toBe(
          actors.users[role]!.id,
        )
        const updated = await payload.update({
          collection: 'payload-preferences',
          id: created.id,
          data: {
            value: { columns: ['title', 'slug'] },
            user: { relationTo: 'users', value: victim.id },
          } as never,
          ...as(role),
        })
        expect(idOf((updated as unknown as { user: { value: unknown } }).user.value)).toBe(
          actors.users[role]!.id,
        )
        await payload.delete({ collection: 'payload-preferences', id: created.id, ...as(role) })
      },
    )
  })

  describe('payload-locked-documents', () => {
    const ids: Record<
      'otherMembersOrg' | 'editorsProject' | 'editorsOnOwnOrg' | 'membersOnProject',
      number | string
    > = {} as never
    const lock = async (
      holder: 'member' | 'otherMember' | 'editor',
      relationTo: string,
      id: unknown,
    ) =>
      (
        await payload.create({
          collection: 'payload-locked-documents',
          data: {
            document: { relationTo, value: id },
            user: { relationTo: 'users', value: actors.users[holder]!.id },
          } as never,
        })
      ).id

    beforeAll(async () => {
      ids.otherMembersOrg = await lock('otherMember', 'members', actors.otherOrganisation.id)
      ids.editorsProject = await lock('editor', 'projects', projectId)
      ids.editorsOnOwnOrg = await lock('editor', 'members', actors.organisation.id)
      // Payload's admin locks every document a user opens, also one it may only read.
      ids.membersOnProject = await lock('member', 'projects', projectId)
    })

    const visibleTo = async (role: Role) =>
      (
        await payload.find({
          collection: 'payload-locked-documents',
          depth: 0,
          ...as(role),
        })
      ).docs
        .map((doc) => doc.id)
        .filter((id) => Object.values(ids).includes(id))
        .sort()

    it('[S06] should refuse every lock operation to anonymous callers', async () => {
      await refusalStatus(() =>
        payload.find({ collection: 'payload-locked-documents', ...as('anonymous') }),
      )
      await refusalStatus(() =>
        payload.create({
          collection: 'payload-locked-documents',
          data: { document: { relationTo: 'projects', value: projectId } } as never,
          ...as('anonymous'),
        }),
      )
      await refusalStatus(() =>
        payload.delete({
          collection: 'payload-locked-documents',
          id: ids.editorsProject,
          ...as('anonymous'),
        }),
      )
      expect(await visibleTo('admin')).toEqual(Object.values(ids).sort())
    })

    it('[S06] should show a member its own locks and those on documents it may edit only', async () => {
      expect(await visibleTo('member')).toEqual([ids.editorsOnOwnOrg, ids.membersOnProject].sort())
    })

    it.each(['editor', 'admin'] as const)(
      '[S06] should show %s every lock (it may edit every document)',
      async (role) => {
        expect(await visibleTo(role)).toEqual(Object.values(ids).sort())
      },
    )

    it("[S06] should refuse a member reading, taking over or deleting another user's lock on a document it may not edit", async () => {
      for (const id of [ids.otherMembersOrg, ids.editorsProject]) {
        await refusalStatus(() =>
          payload.findByID({ collection: 'payload-locked-documents', id, ...as('member') }),
        )
        await refusalStatus(() =>
          payload.update({
            collection: 'payload-locked-documents',
            id,
            data: { user: { relationTo: 'users', value: actors.users.member!.id } } as never,
            ...as('member'),
          }),
        )
        await refusalStatus(() =>
          payload.delete({ collection: 'payload-locked-documents', id, ...as('member') }),
        )
      }
      const stored = (await all('payload-locked-documents')) as Lock[]
      const holder = (id: unknown) => idOf(stored.find((row) => row.id === id)?.user?.value)
      expect(holder(ids.otherMembersOrg)).toBe(actors.users.otherMember!.id)
      expect(holder(ids.editorsProject)).toBe(actors.users.editor!.id)
    })

    it('[S06] should refuse a member locking a document it may not edit, or in the name of another user', async () => {
      const before = await all('payload-locked-documents')
      await refusalStatus(() =>
        payload.create({
          collection: 'payload-locked-documents',
          data: {
            document: { relationTo: 'members', value: actors.otherOrganisation.id },
            user: { relationTo: 'users', value: actors.users.member!.id },
          } as never,
          ...as('member'),
        }),
      )
      await refusalStatus(() =>
        payload.create({
          collection: 'payload-locked-documents',
          data: {
            document: { relationTo: 'members', value: actors.organisation.id },
            user: { relationTo: 'users', value: actors.users.editor!.id },
          } as never,
          ...as('member'),
        }),
      )
      await refusalStatus(() =>
        payload.update({
          collection: 'payload-locked-documents',
          id: ids.editorsOnOwnOrg,
          data: { user: { relationTo: 'users', value: actors.users.otherMember!.id } } as never,
          ...as('member'),
        }),
      )
      expect(await all('payload-locked-documents')).toEqual(before)
    })

    it('[S06] should let a member lock, take over and release a lock on a document it may edit', async () => {
      const own = await payload.create({
        collection: 'payload-locked-documents',
        data: {
          document: { relationTo: 'members', value: actors.organisation.id },
          user: { relationTo: 'users', value: actors.users.member!.id },
        } as never,
        ...as('member'),
      })
      await payload.delete({ collection: 'payload-locked-documents', id: own.id, ...as('member') })
      // "Take over" in Payload's admin patches the lock's user to oneself.
      const taken = await payload.update({
        collection: 'payload-locked-documents',
        id: ids.editorsOnOwnOrg,
        data: { user: { relationTo: 'users', value: actors.users.member!.id } } as never,
        depth: 0,
        ...as('member'),
      })
      expect(idOf((taken as unknown as Lock).user?.value)).toBe(actors.users.member!.id)
      // Leaving the document, the admin deletes the lock.
      await payload.delete({
        collection: 'payload-locked-documents',
        id: ids.membersOnProject,
        ...as('member'),
      })
      const left = (await all('payload-locked-documents')).map((row) => row.id)
      expect(left).not.toContain(ids.membersOnProject)
      expect(left).not.toContain(own.id)
    })

    it('[S06] should let an editor release any lock', async () => {
      await payload.delete({
        collection: 'payload-locked-documents',
        id: ids.otherMembersOrg,
        ...as('editor'),
      })
      expect((await all('payload-locked-documents')).map((row) => row.id)).not.toContain(
        ids.otherMembersOrg,
      )
    })
  })
})

/** S07: unlocking an account locked after failed logins is the admins' decision alone. */
describe.each(testDatabaseKinds())('unlocking accounts on $name', (kind) => {
  let hub: Hub

  beforeAll(async () => {
    hub = await startHub(kind)
  })

  afterAll(async () => {
    await hub?.stop()
  })

  const login = (password: string) =>
    hub.client.request('POST', '/api/users/login', { body: { email: demo.tecart, password } })
  const unlock = (token?: string) =>
    hub.client.request('POST', '/api/users/unlock', { body: { email: demo.tecart }, token })

  it('[S07] should let only an admin unlock a locked account', async () => {
    const tokens = {
      member: await hub.client.login(demo.qsoft),
      editor: await hub.client.login(demo.editor),
      admin: await hub.client.login(demo.admin),
    }
    // Users lock after 5 wrong passwords.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login('wrong password')).status).toBe(401)
    }
    expect((await login(demoPassword)).status).toBe(401)

    for (const token of [undefined, tokens.member, tokens.editor]) {
      const reply = await unlock(token)
      expect(reply.status).toBe(403)
      expect((await login(demoPassword)).status).toBe(401)
    }

    const unlocked = await unlock(tokens.admin)
    expect(unlocked.status).toBe(200)
    expect((await login(demoPassword)).status).toBe(200)
  })
})

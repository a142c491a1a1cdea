import type { CollectionSlug, Payload } from 'payload'

import { collections } from '../../collections'
import { createActors, type Actors } from '../helpers/actors'
import { bootPayload, type BootedPayload } from '../helpers/bootPayload'
import { refusalStatus } from '../helpers/expectRefused'
import { sqlite } from '../helpers/testDatabases'

/**
 * Payload and the plugins add collections of their own; none may stay open by accident. A new one fails this
 * suite until its expectation is written down here.
 */
const internal: Record<string, string> = {
  'workflow-events': 'approval workflow history (editors; a member its own organisation)',
  'payload-migrations': 'admins read; written by `payload migrate` only',
  'payload-kv': 'closed',
  'payload-jobs': 'admins read and remove (the server runs its own queue)',
  'payload-preferences': 'own-rows',
  'payload-locked-documents': 'own locks and those on documents the user may edit',
  'feed-changes': 'admins (the feed serves its public part)',
  'feed-webhooks': 'admins',
  'feed-webhook-deliveries': 'admins, read-only',
}

describe('Payload internal collections', () => {
  let booted: BootedPayload
  let payload: Payload
  let actors: Actors

  beforeAll(async () => {
    booted = await bootPayload(sqlite)
    payload = booted.payload
    actors = await createActors(payload)
  })
  afterAll(async () => booted?.shutdown())

  it('should know every collection Payload added', () => {
    const ours = new Set(collections.map((collection) => collection.slug))
    const added = payload.config.collections.map((c) => c.slug).filter((slug) => !ours.has(slug))
    expect(added.sort()).toEqual(Object.keys(internal).sort())
  })

  it.each(Object.keys(internal))('should refuse %s to anonymous callers', async (slug) => {
    await refusalStatus(() =>
      payload.find({ collection: slug as CollectionSlug, overrideAccess: false }),
    )
  })

  it('should refuse migrations, jobs and the key-value store to members and editors, not admins', async () => {
    for (const slug of [
      'payload-migrations',
      'payload-kv',
      'payload-jobs',
      'feed-changes',
      'feed-webhooks',
      'feed-webhook-deliveries',
    ] as CollectionSlug[]) {
      for (const actor of ['member', 'editor'] as const) {
        await refusalStatus(() =>
          payload.find({ collection: slug, user: actors.users[actor], overrideAccess: false }),
        )
      }
    }
    const admin = await payload.find({
      collection: 'payload-migrations',
      user: actors.users.admin,
      overrideAccess: false,
    })
    expect(admin.totalDocs).toBeGreaterThan(0)
    await refusalStatus(() =>
      payload.delete({
        collection: 'payload-migrations',
        where: { id: { exists: true } },
        user: actors.users.member,
        overrideAccess: false,
      }),
    )
    expect((await payload.count({ collection: 'payload-migrations' })).totalDocs).toBe(
      admin.totalDocs,
    )
  })

  it("should show a member none of another user's preferences", async () => {
    await payload.create({
      collection: 'payload-preferences',
      // The collection takes its user from the request.
      data: { key: 'nav', value: { open: true } } as never,
      user: actors.users.editor,
    })
    const seen = await payload.find({
      collection: 'payload-preferences',
      user: actors.users.member,
      overrideAccess: false,
    })
    expect(seen.totalDocs).toBe(0)
    expect((await payload.count({ collection: 'payload-preferences' })).totalDocs).toBe(1)
  })
})

import http, { type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

import {
  _internal_jobSystemGlobals,
  _internal_resetJobSystemGlobals,
  type CollectionSlug,
  type Payload,
} from 'payload'

import { deliveriesSlug, webhookQueue, webhooksSlug } from '../../../plugins/public-feed/defaults'
import {
  deliveryHeader,
  eventHeader,
  webhookUserAgent,
} from '../../../plugins/public-feed/webhooks/deliverWebhookTask'
import { verifySignature } from '../../../plugins/public-feed/webhooks/signature'
import { createActors, type Actors } from '../../helpers/actors'
import { bootPayload, type BootedPayload } from '../../helpers/bootPayload'
import { refusalStatus } from '../../helpers/expectRefused'
import { testDatabaseKinds } from '../../helpers/testDatabases'

/**
 * Outgoing webhooks of the public feed on the hub's real config: what a subscriber's server
 * receives (read from a local HTTP receiver), what the delivery log records, and who may see
 * either. The queue is run by the test (`payload.jobs.run`), never by a cron, so every
 * attempt happens exactly when the test says.
 */

type Received = { path: string; method: string; headers: IncomingHttpHeaders; body: string }
type Subscription = { id: number | string; name: string; secret: string }
type Delivery = {
  attempt: number
  outcome: 'delivered' | 'failed'
  responseStatus?: number | null
  error?: string | null
  durationMs?: number | null
  body: unknown
}
type Job = { id: number | string; input: { webhook?: string }; waitUntil?: string | null }

/** A subscriber's server: records every request; told to, it answers 500 the first N times. */
const startReceiver = async () => {
  const requests: Received[] = []
  const failures = new Map<string, number>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = req.url ?? '/'
      const body = Buffer.concat(chunks).toString('utf8')
      requests.push({ path, method: req.method ?? '', headers: req.headers, body })
      const failing = failures.get(path) ?? 0
      if (failing > 0) {
        failures.set(path, failing - 1)
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('not yet')
        return
      }
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const pathOf = (name: string) => `/hooks/${name}`
  return {
    urlFor: (name: string) => `http://127.0.0.1:${port}${pathOf(name)}`,
    requestsTo: (name: string) => requests.filter((request) => request.path === pathOf(name)),
    failFirst: (name: string, times: number) => failures.set(pathOf(name), times),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const feedWebhookCollections = [webhooksSlug as CollectionSlug, deliveriesSlug as CollectionSlug]
// The generated type requires the fields Payload fills with their defaults.
const projectDefaults = {
  status: 'active',
  carriedBy: 'association',
  datePrecision: 'year',
} as const

const eventOf = (request: Received) => JSON.parse(request.body) as Record<string, unknown>
const byTime = (events: Record<string, unknown>[]) =>
  [...events].sort((a, b) => String(a.at).localeCompare(String(b.at)))

describe.each(testDatabaseKinds())('public feed webhooks on $name', (kind) => {
  let booted: BootedPayload
  let payload: Payload
  let actors: Actors
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  let counter = 0

  beforeAll(async () => {
    receiver = await startReceiver()
    booted = await bootPayload(kind)
    payload = booted.payload
    // Before any subscription exists: the actors' member profiles deliver nothing.
    actors = await createActors(payload)
  })
  afterAll(async () => {
    _internal_resetJobSystemGlobals()
    await booted?.shutdown()
    await receiver?.stop()
  })
  afterEach(async () => {
    _internal_resetJobSystemGlobals()
    // Each test hears only its own subscriptions.
    await payload.update({
      collection: webhooksSlug as CollectionSlug,
      where: { active: { equals: true } },
      data: { active: false } as never,
    })
    await runDeliveries()
    // Nor retries left waiting by an earlier one.
    await payload.jobs.cancel({ queue: webhookQueue, where: { id: { exists: true } } })
  })

  const subscribe = async (data: { types?: string[]; active?: boolean } = {}) => {
    counter += 1
    const name = `hook-${counter}`
    const secret = `secret-of-${name}-0123456789abcdef`
    const doc = await payload.create({
      collection: webhooksSlug as CollectionSlug,
      data: { name, url: receiver.urlFor(name), secret, ...data } as never,
    })
    return { id: doc.id, name, secret } satisfies Subscription
  }

  const publishProject = async () => {
    counter += 1
    return payload.create({
      collection: 'projects',
      data: {
        ...projectDefaults,
        title: `Projekt ${counter}`,
        slug: `projekt-${counter}`,
        _status: 'published',
      },
    })
  }

  /** Runs every delivery that is due, as the server's runner would, until none is left. */
  const runDeliveries = async () => {
    for (let round = 0; round < 20; round += 1) {
      // Failed attempts are expected here; the delivery log is what the tests read.
      const result = await payload.jobs.run({ queue: webhookQueue, limit: 100, silent: true })
      if (result.noJobsRemaining) return
    }
    throw new Error('the webhook queue did not drain')
  }

  const deliveriesOf = async (subscription: Subscription) =>
    (
      await payload.find({
        collection: deliveriesSlug as CollectionSlug,
        where: { webhook: { equals: subscription.id } },
        sort: 'attempt',
        pagination: false,
      })
    ).docs as unknown as Delivery[]

  /** The subscription's deliveries that have not finished, failed or been given up on. */
  const pendingJobs = async (subscription: Subscription) =>
    (
      (
        await payload.find({
          collection: 'payload-jobs',
          where: {
            and: [
              { queue: { equals: webhookQueue } },
              { completedAt: { exists: false } },
              { hasError: { not_equals: true } },
            ],
          },
          pagination: false,
        })
      ).docs as unknown as Job[]
    ).filter((job) => job.input.webhook === String(subscription.id))

  const queuedCount = async () =>
    (
      await payload.count({
        collection: 'payload-jobs',
        where: { queue: { equals: webhookQueue } },
      })
    ).totalDocs

  /** The jobs runner's clock only: moves due dates without waiting for them. */
  const advanceQueueClock = (ms: number) => {
    _internal_jobSystemGlobals.getCurrentDate = () => new Date(Date.now() + ms)
  }

  it('should POST a signed created event when a project is published', async () => {
    const hook = await subscribe()
    const project = await publishProject()
    await runDeliveries()

    const [request, ...more] = receiver.requestsTo(hook.name)
    expect(more).toHaveLength(0)
    expect(request!.method).toBe('POST')
    expect(request!.headers['content-type']).toBe('application/json')
    expect(request!.headers['user-agent']).toBe(webhookUserAgent)
    expect(request!.headers[eventHeader.toLowerCase()]).toBe('created')
    expect(request!.headers[deliveryHeader.toLowerCase()]).toMatch(/^[0-9a-f]{32}$/)
    const event = eventOf(request!)
    expect(Object.keys(event)).toEqual(['type', 'slug', 'locale', 'action', 'at'])
    expect(event).toEqual({
      type: 'projects',
      slug: project.slug,
      locale: null,
      action: 'created',
      at: expect.any(String),
    })
    expect(new Date(event.at as string).toISOString()).toBe(event.at)

    const deliveries = await deliveriesOf(hook)
    expect(deliveries).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'delivered', responseStatus: 200 }),
    ])
    expect(deliveries[0]!.body).toEqual(event)
    expect(deliveries[0]!.durationMs).toEqual(expect.any(Number))
  })

  it('should sign the exact body so that only the right secret verifies it', async () => {
    const hook = await subscribe()
    await publishProject()
    await runDeliveries()

    const [request] = receiver.requestsTo(hook.name)
    const signature = request!.headers['x-hub-signature-256']
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(verifySignature(request!.body, hook.secret, signature)).toBe(true)
    expect(verifySignature(request!.body, 'another-secret-0123456789abcdef', signature)).toBe(false)
    expect(verifySignature(`${request!.body} `, hook.secret, signature)).toBe(false)
    expect(verifySignature(request!.body, hook.secret, undefined)).toBe(false)
    expect(request!.body).not.toContain(hook.secret)
  })

  it('should POST an updated event when a published project changes', async () => {
    const hook = await subscribe()
    const project = await publishProject()
    await payload.update({
      collection: 'projects',
      id: project.id,
      locale: 'de',
      data: { title: 'Neuer Titel', _status: 'published' },
    })
    await runDeliveries()

    const events = byTime(receiver.requestsTo(hook.name).map(eventOf))
    expect(events.map((event) => event.action)).toEqual(['created', 'updated'])
    expect(events[1]).toMatchObject({ type: 'projects', slug: project.slug, locale: 'de' })
    const updated = receiver
      .requestsTo(hook.name)
      .find((request) => eventOf(request).action === 'updated')
    expect(updated!.headers[eventHeader.toLowerCase()]).toBe('updated')
  })

  it('should POST a removed event when a published project is unpublished', async () => {
    const hook = await subscribe()
    const project = await publishProject()
    await payload.update({ collection: 'projects', id: project.id, data: { _status: 'draft' } })
    await runDeliveries()

    // Deliveries may arrive in any order; `at` orders them for the receiver.
    const events = byTime(receiver.requestsTo(hook.name).map(eventOf))
    expect(events.map((event) => event.action)).toEqual(['created', 'removed'])
    expect(events[1]).toMatchObject({ type: 'projects', slug: project.slug, locale: null })
  })

  it('should POST a removed event when a published project is deleted', async () => {
    const hook = await subscribe()
    const project = await publishProject()
    await payload.delete({ collection: 'projects', id: project.id })
    await runDeliveries()

    const events = byTime(receiver.requestsTo(hook.name).map(eventOf))
    expect(events.map((event) => event.action)).toEqual(['created', 'removed'])
    expect(events[1]).toMatchObject({ type: 'projects', slug: project.slug })
  })

  it('should not send project changes to a subscription to events only', async () => {
    const eventsOnly = await subscribe({ types: ['events'] })
    const everything = await subscribe()
    await publishProject()
    await runDeliveries()

    expect(receiver.requestsTo(everything.name)).toHaveLength(1)
    expect(receiver.requestsTo(eventsOnly.name)).toHaveLength(0)
    expect(await deliveriesOf(eventsOnly)).toHaveLength(0)
  })

  it('should send nothing to an inactive subscription', async () => {
    const inactive = await subscribe({ active: false })
    const active = await subscribe()
    await publishProject()
    await runDeliveries()

    expect(receiver.requestsTo(active.name)).toHaveLength(1)
    expect(receiver.requestsTo(inactive.name)).toHaveLength(0)
    expect(await deliveriesOf(inactive)).toHaveLength(0)
  })

  it('should skip a queued delivery whose subscription was paused before it ran', async () => {
    const hook = await subscribe()
    await publishProject()
    await payload.update({
      collection: webhooksSlug as CollectionSlug,
      id: hook.id,
      data: { active: false } as never,
    })
    await runDeliveries()

    expect(receiver.requestsTo(hook.name)).toHaveLength(0)
    expect(await deliveriesOf(hook)).toHaveLength(0)
    expect(await pendingJobs(hook)).toHaveLength(0)
  })

  it('should skip a queued delivery whose subscription was deleted before it ran', async () => {
    const hook = await subscribe()
    await publishProject()
    await payload.delete({ collection: webhooksSlug as CollectionSlug, id: hook.id })
    await runDeliveries()

    expect(receiver.requestsTo(hook.name)).toHaveLength(0)
    expect(await pendingJobs(hook)).toHaveLength(0)
  })

  it('should retry a failing receiver with exponential backoff until it answers', async () => {
    const hook = await subscribe()
    receiver.failFirst(hook.name, 2)
    await publishProject()

    await runDeliveries()
    expect(receiver.requestsTo(hook.name)).toHaveLength(1)
    const [first] = await pendingJobs(hook)
    // First retry 10 s after the failure.
    const firstWait = Date.parse(first!.waitUntil!) - Date.now()
    expect(firstWait).toBeGreaterThan(7_000)
    expect(firstWait).toBeLessThanOrEqual(10_000)
    // Not before it is due.
    await runDeliveries()
    expect(receiver.requestsTo(hook.name)).toHaveLength(1)

    advanceQueueClock(11_000)
    await runDeliveries()
    expect(receiver.requestsTo(hook.name)).toHaveLength(2)
    const [second] = await pendingJobs(hook)
    // Second retry twice as far: 20 s after the second failure.
    const secondWait = Date.parse(second!.waitUntil!) - (Date.now() + 11_000)
    expect(secondWait).toBeGreaterThan(17_000)
    expect(secondWait).toBeLessThanOrEqual(20_000)

    advanceQueueClock(11_000 + 21_000)
    await runDeliveries()
    const requests = receiver.requestsTo(hook.name)
    expect(requests).toHaveLength(3)
    expect(await pendingJobs(hook)).toHaveLength(0)

    // The same signed bytes and delivery id every time, so a receiver can drop duplicates.
    expect(new Set(requests.map((request) => request.body)).size).toBe(1)
    expect(
      new Set(requests.map((request) => request.headers[deliveryHeader.toLowerCase()])).size,
    ).toBe(1)
    for (const request of requests) {
      expect(
        verifySignature(request.body, hook.secret, request.headers['x-hub-signature-256']),
      ).toBe(true)
    }
    const deliveries = await deliveriesOf(hook)
    expect(
      deliveries.map(({ attempt, outcome, responseStatus }) => [attempt, outcome, responseStatus]),
    ).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'delivered', 200],
    ])
    expect(deliveries[0]!.error).toContain('500')
  })

  it('should record an unreachable receiver as failed and retry it', async () => {
    const hook = await subscribe()
    // A port nobody listens on: the receiver's own, closed again.
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    await payload.db.updateOne({
      collection: webhooksSlug as CollectionSlug,
      id: hook.id,
      data: { url: `http://127.0.0.1:${port}/gone` },
    })
    await publishProject()
    await runDeliveries()

    const deliveries = await deliveriesOf(hook)
    expect(deliveries).toEqual([expect.objectContaining({ attempt: 1, outcome: 'failed' })])
    expect(deliveries[0]!.responseStatus ?? null).toBeNull()
    expect(deliveries[0]!.error).toMatch(/ECONNREFUSED|fetch failed/)
    expect(await pendingJobs(hook)).toHaveLength(1)
  })

  it('should refuse to send to a URL that is not http(s)', async () => {
    const hook = await subscribe()
    // The collection validates the address; a row written past it must still be refused.
    await payload.db.updateOne({
      collection: webhooksSlug as CollectionSlug,
      id: hook.id,
      data: { url: 'file:///etc/passwd' },
    })
    await publishProject()
    await runDeliveries()

    const deliveries = await deliveriesOf(hook)
    expect(deliveries).toEqual([expect.objectContaining({ attempt: 1, outcome: 'failed' })])
    expect(deliveries[0]!.error).toMatch(/^refused/)
    // Retrying cannot fix the address: nothing is left to run.
    expect(await pendingJobs(hook)).toHaveLength(0)
  })

  it('should never deliver on a draft save', async () => {
    const hook = await subscribe()
    const live = await publishProject()
    await runDeliveries()
    const queuedBefore = await queuedCount()

    const draft = await payload.create({
      collection: 'projects',
      data: { title: 'Nur ein Entwurf', slug: `entwurf-${counter}`, _status: 'draft' },
      draft: true,
    })
    await payload.update({
      collection: 'projects',
      id: draft.id,
      data: { title: 'Noch ein Entwurf' },
      draft: true,
    })
    await payload.update({
      collection: 'projects',
      id: live.id,
      data: { title: 'Entwurf einer Änderung' },
      draft: true,
    })
    await runDeliveries()

    expect(await queuedCount()).toBe(queuedBefore)
    expect(receiver.requestsTo(hook.name).map((request) => eventOf(request).action)).toEqual([
      'created',
    ])
  })

  it('should show webhooks and deliveries to admins only', async () => {
    const hook = await subscribe()
    await publishProject()
    await runDeliveries()

    for (const collection of feedWebhookCollections) {
      for (const actor of ['member', 'editor'] as const) {
        await refusalStatus(() =>
          payload.find({ collection, user: actors.users[actor], overrideAccess: false }),
        )
      }
      await refusalStatus(() => payload.find({ collection, overrideAccess: false }))
      const seen = await payload.find({
        collection,
        user: actors.users.admin,
        overrideAccess: false,
      })
      expect(seen.totalDocs).toBeGreaterThan(0)
    }
    await refusalStatus(() =>
      payload.findByID({
        collection: webhooksSlug as CollectionSlug,
        id: hook.id,
        user: actors.users.member,
        overrideAccess: false,
      }),
    )

    const subscriptions = (await payload.count({ collection: webhooksSlug as CollectionSlug }))
      .totalDocs
    await refusalStatus(() =>
      payload.create({
        collection: webhooksSlug as CollectionSlug,
        data: { name: 'x', url: 'https://example.org/', secret: 'x'.repeat(32) } as never,
        user: actors.users.member,
        overrideAccess: false,
      }),
    )
    expect((await payload.count({ collection: webhooksSlug as CollectionSlug })).totalDocs).toBe(
      subscriptions,
    )
    // The log is written by the delivery task only, not even by an admin.
    const logged = (await payload.count({ collection: deliveriesSlug as CollectionSlug })).totalDocs
    await refusalStatus(() =>
      payload.create({
        collection: deliveriesSlug as CollectionSlug,
        data: {
          webhook: hook.id,
          action: 'created',
          type: 'projects',
          slug: 'forged',
          attempt: 1,
          outcome: 'delivered',
        } as never,
        user: actors.users.admin,
        overrideAccess: false,
      }),
    )
    expect((await payload.count({ collection: deliveriesSlug as CollectionSlug })).totalDocs).toBe(
      logged,
    )
  })
})

import type { Payload } from 'payload'

import { getFeedRuntime } from '../../../plugins/public-feed/http/feedRuntime'
import { feedRoutes } from '../../../plugins/public-feed/http/feedRoutes'
import { seed } from '../../../src/seed/seed'
import { bootPayload, type BootedPayload } from '../../helpers/bootPayload'
import { countDatabaseQueries } from '../../helpers/countDatabaseQueries'
import { testDatabaseKinds } from '../../helpers/testDatabases'

/**
 * Relationships are batched: the statements a feed request sends to the database do not grow
 * with the page size (measured at the driver, in-process, response cache bypassed by
 * distinct queries).
 */
describe.each(testDatabaseKinds())('feed database queries per request on $name', (kind) => {
  let booted: BootedPayload
  let payload: Payload

  beforeAll(async () => {
    booted = await bootPayload(kind)
    payload = booted.payload
    await seed(payload, { demoUsers: false, demoPassword: 'unused-password' })
    const members = await payload.find({ collection: 'members', pagination: false, depth: 0 })
    const partners = await payload.find({ collection: 'partners', pagination: false, depth: 0 })
    const organisations = [
      ...members.docs.map((doc) => ({ relationTo: 'members' as const, value: doc.id })),
      ...partners.docs.map((doc) => ({ relationTo: 'partners' as const, value: doc.id })),
    ]
    for (let index = 0; index < 110; index += 1) {
      await payload.create({
        collection: 'projects',
        data: {
          title: `Lastprojekt ${index}`,
          slug: `lastprojekt-${index}`,
          status: 'active',
          carriedBy: 'members',
          datePrecision: 'day',
          _status: 'published',
          participants: organisations.filter((_, position) => (position + index) % 3 !== 0),
        },
        depth: 0,
      })
    }
  }, 300_000)
  afterAll(async () => booted?.shutdown())

  const ask = async (query: string) => {
    const route = feedRoutes.find((candidate) => candidate.method === 'post')!
    const response = await route.handle(
      {
        method: 'POST',
        url: new URL('http://localhost/api/feed/graphql'),
        header: (name) =>
          ({ 'content-type': 'application/json', accept: 'application/json' })[name],
        body: JSON.stringify({ query }),
      },
      getFeedRuntime(payload),
    )
    const body = JSON.parse(String(response.body))
    expect(body.errors).toBeUndefined()
    return body.data
  }

  const page = (first: number) =>
    `{ projects(first: ${first}) { edges { node { slug title participants { __typename ... on Member { slug name } ... on Partner { slug name } } } } } }`

  it('should send the same few statements for 10 and for 100 projects with participants', async () => {
    await ask('{ __typename }')
    const counter = countDatabaseQueries(payload)
    try {
      const counts: Record<number, number> = {}
      for (const first of [10, 100]) {
        // A fresh revision read first, so that none falls into the counted request.
        await getFeedRuntime(payload).revisions.read()
        counter.reset()
        const data = await ask(page(first))
        expect(data.projects.edges).toHaveLength(first)
        expect(
          data.projects.edges.some(
            (edge: { node: { participants: unknown[] } }) => edge.node.participants.length > 3,
          ),
        ).toBe(true)
        counts[first] = counter.count
      }
      process.stdout.write(
        `feed statements per request on ${kind.name}: ${JSON.stringify(counts)}\n`,
      )
      expect(counts[10]).toBe(counts[100])
      expect(counts[100]).toBeLessThanOrEqual(4)
    } finally {
      counter.stop()
    }
  })
})

import type { Payload } from 'payload'

import { getFeedRuntime } from '../../../plugins/public-feed/http/feedRuntime'
import { feedRoutes } from '../../../plugins/public-feed/http/feedRoutes'
import { seed } from '../../../src/seed/seed'
import { bootPayload, type BootedPayload } from '../../helpers/bootPayload'
import { sqlite } from '../../helpers/testDatabases'

/**
 * Behind the feed's own filter the collections' read rules for anonymous callers still
 * apply: a collection the hub closes to the public disappears from the feed too.
 */
describe('the feed and the collections’ own read rules', () => {
  let booted: BootedPayload
  let payload: Payload

  beforeAll(async () => {
    booted = await bootPayload(sqlite)
    payload = booted.payload
    await seed(payload, { demoUsers: false, demoPassword: 'unused-password' })
    // As if the hub closed partners and all members but one to anonymous readers.
    payload.collections.partners.config.access.read = () => false
    payload.collections.members.config.access.read = () => ({ slug: { equals: 'q-soft' } })
  })
  afterAll(async () => booted?.shutdown())

  it('should leave out what anonymous callers may not read', async () => {
    const route = feedRoutes.find((candidate) => candidate.method === 'post')!
    const response = await route.handle(
      {
        method: 'POST',
        url: new URL('http://localhost/api/feed/graphql'),
        header: (name) => ({ 'content-type': 'application/json' })[name],
        body: JSON.stringify({
          query: `{
            projects(first: 100) { edges { node { slug participants { __typename ... on Member { slug } } } } }
            members { totalCount }
          }`,
        }),
      },
      getFeedRuntime(payload),
    )
    const { data } = JSON.parse(String(response.body))
    expect(data.members.totalCount).toBe(1)
    const participants = data.projects.edges.flatMap(
      (edge: { node: { participants: unknown[] } }) => edge.node.participants,
    )
    expect(participants).toEqual([{ __typename: 'Member', slug: 'q-soft' }])
  })
})

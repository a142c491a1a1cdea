import crypto from 'node:crypto'

import { startServer, type RunningServer } from '../../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../../helpers/testDatabases'
import { demoPassword, feedClient, waitFor, type Json } from './feedHttp'

/**
 * Two server processes on one database, as behind a load balancer: a publication on one is
 * served by the other within a second, although both had the old answer cached. The second
 * process runs without the Express fast path, so its feed answers come from the Payload
 * endpoint through Next, the way the app runs when hosted without our server.
 */
describe.each(testDatabaseKinds())('the feed in two processes on one $name database', (kind) => {
  let database: TestDatabase
  let first: RunningServer
  let second: RunningServer
  const secret = crypto.randomBytes(16).toString('hex')
  const viaFirst = feedClient(() => first)
  const viaSecond = feedClient(() => second)
  let editor: string

  beforeAll(async () => {
    database = await kind.create()
    const env = { DATABASE_URI: database.uri, PAYLOAD_SECRET: secret, DEMO_PASSWORD: demoPassword }
    first = await startServer({ ...env, SEED_DEMO: 'true' })
    second = await startServer({ ...env, SEED: 'false', FEED_FAST_PATH: 'false' })
    editor = await viaFirst.login('redaktion@itnet.example')
  })

  afterAll(async () => {
    for (const server of [first, second]) {
      if (server && server.child.exitCode === null) await server.stop()
    }
    await database?.drop()
  })

  const newest = { query: '{ projects(first: 1) { edges { node { slug } } } }' }
  const newestSlug = async (client: ReturnType<typeof feedClient>) => {
    const response = await client.get(newest)
    expect(response.status).toBe(200)
    return ((await response.json()) as Json).data.projects.edges[0]?.node.slug as string
  }

  it('should answer the same through the Payload endpoint as through the fast path', async () => {
    const fast = await viaFirst.get(newest)
    const endpoint = await viaSecond.get(newest)
    expect(fast.headers.get('ratelimit')).toBeTruthy()
    // Only the Express fast path runs the rate limiter: this answer came through Next.
    expect(endpoint.headers.get('ratelimit')).toBeNull()
    expect(await endpoint.json()).toEqual(await fast.json())
    expect(endpoint.headers.get('etag')).toBe(fast.headers.get('etag'))
    const conditional = await viaSecond.get(newest, { 'if-none-match': fast.headers.get('etag')! })
    expect(conditional.status).toBe(304)
    const posted = await viaSecond.graphql('{ projects(first: 101) { totalCount } }')
    expect(posted.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    const calendar = await fetch(viaSecond.url('/api/feed/events.ics'))
    expect(calendar.status).toBe(200)
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR')
  })

  it.each([
    ['first', 'second'],
    ['second', 'first'],
  ] as const)(
    'should serve a publication on the %s process from the %s within a second',
    async (writer, reader) => {
      const clients = { first: viaFirst, second: viaSecond }
      // Both processes hold the current answer in their caches.
      const before = await newestSlug(clients[reader])
      await newestSlug(clients[writer])
      const title = `Veröffentlicht über ${writer} ${Date.now()}`
      const { status, body } = await clients[writer].rest(
        'POST',
        '/api/projects',
        { title, status: 'active', _status: 'published' },
        editor,
      )
      expect(status).toBe(201)
      expect(body.doc.slug).not.toBe(before)
      const elapsed = await waitFor(
        async () => (await newestSlug(clients[reader])) === body.doc.slug,
        1000,
      )
      expect(elapsed).toBeLessThan(1000)
    },
  )
})

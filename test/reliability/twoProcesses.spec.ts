import crypto from 'node:crypto'

import { startServer, type RunningServer } from '../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../helpers/testDatabases'
import { login, report, request, sleep, type Json } from './faultHttp'

/**
 * Two server processes on one database, as behind a load balancer: what one publishes, the
 * other serves through Payload's REST and through the feed within a second, although the
 * other had the feed's old answer cached. (The feed plugin's own suite,
 * test/plugins/public-feed/processes.spec.ts, covers both directions and the endpoint path.)
 */
describe.each(testDatabaseKinds())('two processes on one $name database', (kind) => {
  let database: TestDatabase
  let writer: RunningServer
  let reader: RunningServer
  const password = 'two-process-password'

  beforeAll(async () => {
    database = await kind.create()
    const env = {
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
      DEMO_PASSWORD: password,
    }
    writer = await startServer({ ...env, SEED_DEMO: 'true' })
    reader = await startServer({ ...env, SEED: 'false' })
  }, 240_000)

  afterAll(async () => {
    for (const server of [writer, reader]) {
      if (server && server.child.exitCode === null) await server.stop()
    }
    await database?.drop()
  })

  const feedPath = `/api/feed/graphql?query=${encodeURIComponent('{ projects(first: 1) { edges { node { slug } } } }')}`
  const newestInFeed = async (server: RunningServer) => {
    const outcome = await request(server.url, 'GET', feedPath)
    expect(outcome.status).toBe(200)
    return (JSON.parse(outcome.body!) as Json).data.projects.edges[0]?.node.slug as string
  }

  it('should serve a publication on one process from the other within a second', async () => {
    // Both processes warm (Next's route handlers load on first use) and the feed answer cached.
    for (const server of [writer, reader]) {
      expect((await request(server.url, 'GET', '/api/projects?limit=1')).status).toBe(200)
    }
    const before = await newestInFeed(reader)
    const token = await login(writer.url, 'redaktion@itnet.example', password)
    const published = await request(writer.url, 'POST', '/api/projects', {
      token,
      body: { title: `Zwei Prozesse ${Date.now()}`, status: 'active', _status: 'published' },
    })
    expect(published.status).toBe(201)
    const doc = (JSON.parse(published.body!) as Json).doc
    expect(doc.slug).not.toBe(before)
    const publishedAt = performance.now()

    // Each channel polled on its own; the time is when the answer showing it arrived.
    const seenAfter = async (seen: () => Promise<boolean>) => {
      while (performance.now() - publishedAt < 1000) {
        if (await seen()) return performance.now() - publishedAt
        await sleep(25)
      }
      return undefined
    }
    const [viaRest, viaFeed] = await Promise.all([
      seenAfter(
        async () => (await request(reader.url, 'GET', `/api/projects/${doc.id}`)).status === 200,
      ),
      seenAfter(async () => (await newestInFeed(reader)) === doc.slug),
    ])
    report(
      `two processes on ${kind.name}: publication served by the other process via REST after ` +
        `${Math.round(viaRest ?? NaN)} ms, via the feed after ${Math.round(viaFeed ?? NaN)} ms`,
    )
    expect(viaRest).toBeLessThan(1000)
    expect(viaFeed).toBeLessThan(1000)
  })
})

import crypto from 'node:crypto'

import autocannon from 'autocannon'

import { startServer, type RunningServer } from '../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../helpers/testDatabases'
import { login, memoryMb, report, request, serverPid, type Json } from './faultHttp'

type LoadRequest = {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (request: LoadRequest) => LoadRequest
}
type LoadResult = {
  requests: { total: number; average: number }
  latency: { p50: number; p99: number; max: number }
  errors: number
  timeouts: number
  non2xx: number
  '2xx': number
}
// bench/autocannon.d.ts types the options the bench uses; the request list is one more.
const runAutocannon = autocannon as unknown as (
  options: { url: string; connections: number; duration: number; requests: LoadRequest[] },
  done: (error: Error | null, result: LoadResult) => void,
) => unknown

const seconds = Number(process.env.RELIABILITY_LOAD_SECONDS ?? 60)

/**
 * A minute of mixed traffic against the production server: anonymous REST and feed reads,
 * an editor creating and updating partners. No error, no non-2xx answer, and the memory the
 * server holds at the start and the end is reported.
 */
describe.each(testDatabaseKinds())('mixed read/write load on $name', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  const password = 'load-test-password'

  beforeAll(async () => {
    database = await kind.create()
    server = await startServer({
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
      SEED_DEMO: 'true',
      DEMO_PASSWORD: password,
      FEED_RATE_LIMIT: '1000000',
    })
  })

  afterAll(async () => {
    if (server && server.child.exitCode === null) await server.stop()
    await database?.drop()
  })

  it(
    `should serve ${seconds} s of reads and writes without an error`,
    async () => {
      const token = await login(server.url, 'redaktion@itnet.example', password)
      const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
      const created = await request(server.url, 'POST', '/api/partners', {
        token,
        body: { name: 'Lastpartner', slug: 'load-partner' },
      })
      expect(created.status).toBe(201)
      const partnerId = (JSON.parse(created.body!) as Json).doc.id
      let n = 0
      let posts = 0
      const feedQuery = encodeURIComponent(
        '{ projects(first: 5) { edges { node { slug title } } } }',
      )
      const requests: LoadRequest[] = [
        { method: 'GET', path: '/api/projects?limit=10&depth=1' },
        { method: 'GET', path: `/api/feed/graphql?query=${feedQuery}` },
        {
          method: 'POST',
          path: '/api/partners',
          headers: auth,
          setupRequest: (req) => {
            const slug = `load-${process.pid}-${n++}`
            posts++
            return { ...req, body: JSON.stringify({ name: `Last ${slug}`, slug }) }
          },
        },
        { method: 'GET', path: '/api/partners?limit=5&sort=-createdAt' },
        {
          method: 'PATCH',
          path: `/api/partners/${partnerId}`,
          headers: auth,
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ description: `Stand ${n++}` }),
          }),
        },
      ]

      const pid = serverPid(server.child.pid!)
      const rssStart = memoryMb(pid)
      const result = await new Promise<LoadResult>((resolve, reject) =>
        runAutocannon(
          { url: server.url, connections: 8, duration: seconds, requests },
          (error, outcome) => (error ? reject(error) : resolve(outcome)),
        ),
      )
      const rssEnd = memoryMb(pid)
      const rssPeak = memoryMb(pid, 'VmHWM')
      report(
        `${seconds} s mixed load on ${kind.name}: ${result.requests.total} requests ` +
          `(${Math.round(result.requests.average)}/s), 2xx ${result['2xx']}, non-2xx ${result.non2xx}, ` +
          `errors ${result.errors}, timeouts ${result.timeouts}; latency p50 ${result.latency.p50} ms, ` +
          `p99 ${result.latency.p99} ms, max ${result.latency.max} ms; server RSS ${rssStart} MB at ` +
          `start, ${rssEnd} MB at end (peak ${rssPeak} MB)`,
      )

      expect(result.requests.total).toBeGreaterThan(seconds * 5)
      expect(result.errors).toBe(0)
      expect(result.timeouts).toBe(0)
      expect(result.non2xx).toBe(0)
      // Every create is there, but for those still on the wire when the load stopped.
      const stored = await request(
        server.url,
        'GET',
        `/api/partners?where[slug][like]=load-${process.pid}-&limit=1`,
      )
      const storedCount = (JSON.parse(stored.body!) as Json).totalDocs as number
      expect(storedCount).toBeGreaterThanOrEqual(posts - 8)
      expect(storedCount).toBeLessThanOrEqual(posts)
      expect((await request(server.url, 'GET', '/readyz')).status).toBe(200)
    },
    (seconds + 60) * 1000,
  )
})

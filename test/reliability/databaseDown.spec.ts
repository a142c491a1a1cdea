import crypto from 'node:crypto'

import pg from 'pg'

import { startServer, type RunningServer } from '../helpers/startServer'
import { login, report, request, sleep, type Json, type Outcome } from './faultHttp'
import { createPrivatePostgres, postgresBinaries, type PrivatePostgres } from './privatePostgres'

/**
 * PostgreSQL stops under traffic and comes back: the hub says so on /readyz, answers 503 at
 * once instead of hanging, and serves again without a restart. The server runs on a private
 * cluster (its own port and directory), never on the shared one.
 */
const binaries = postgresBinaries()
const describeWithCluster = typeof binaries === 'string' ? describe.skip : describe
if (typeof binaries === 'string') {
  process.stdout.write(`SKIP: the database-outage suite needs PostgreSQL binaries: ${binaries}.\n`)
}

describeWithCluster('PostgreSQL stopped under traffic', () => {
  let cluster: PrivatePostgres
  let server: RunningServer
  const password = 'outage-test-password'
  let load: ReturnType<typeof traffic> | undefined

  beforeAll(async () => {
    cluster = await createPrivatePostgres(binaries as Exclude<typeof binaries, string>)
    const admin = new pg.Client({ connectionString: cluster.uri('postgres') })
    await admin.connect()
    await admin.query('CREATE DATABASE hub')
    await admin.end()
    server = await startServer({
      DATABASE_URI: cluster.uri('hub'),
      PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
      SEED_DEMO: 'true',
      DEMO_PASSWORD: password,
      FEED_RATE_LIMIT: '100000',
    })
  }, 180_000)

  afterAll(async () => {
    await load?.stop()
    if (server && server.child.exitCode === null) await server.stop('SIGKILL')
    cluster?.remove()
  })

  /** Reads and writes from a few clients in a loop, every answer recorded. */
  const traffic = (token: string) => {
    const outcomes: (Outcome & { at: number })[] = []
    let running = true
    let n = 0
    const paths = [
      '/api/projects?limit=5',
      '/api/feed/graphql?query={projects(first:3){totalCount}}',
    ]
    const worker = async (id: number) => {
      while (running) {
        const write = n++ % 4 === 3
        const outcome = write
          ? await request(server.url, 'POST', '/api/partners', {
              token,
              body: { name: `Ausfall ${id}-${n}`, slug: `outage-${id}-${n}` },
            })
          : await request(server.url, 'GET', paths[n % 2])
        outcomes.push({ ...outcome, at: performance.now() })
        await sleep(20)
      }
    }
    const workers = Promise.all([1, 2, 3, 4].map(worker))
    return {
      outcomes,
      stop: async () => {
        running = false
        await workers
      },
    }
  }

  it('should answer 503 at once while the database is down and recover without a restart', async () => {
    const token = await login(server.url, 'redaktion@itnet.example', password)
    expect((await request(server.url, 'GET', '/readyz')).status).toBe(200)
    load = traffic(token)
    const warmUntil = performance.now() + 30_000
    while (load.outcomes.length < 12 && performance.now() < warmUntil) await sleep(50)
    const before = load.outcomes.length
    expect(before).toBeGreaterThanOrEqual(12)
    expect(load.outcomes.filter((outcome) => outcome.status! >= 300)).toEqual([])

    const stoppedAt = performance.now()
    cluster.stop()
    // Give every worker time to hit the outage.
    await sleep(3000)
    const readyz = await request(server.url, 'GET', '/readyz')
    expect(readyz.status).toBe(503)
    expect(JSON.parse(readyz.body!)).toEqual({ status: 'unavailable', database: 'postgres' })
    expect((await request(server.url, 'GET', '/healthz')).status).toBe(200)
    const refused = await request(server.url, 'GET', '/api/projects?limit=5')
    expect(refused.status).toBe(503)
    expect(refused.headers?.['retry-after']).toBe('2')
    expect(JSON.parse(refused.body!).errors[0].code).toBe('DATABASE_UNAVAILABLE')

    const during = load.outcomes.filter((outcome) => outcome.at > stoppedAt)
    // Every request got an answer (none hung, none dropped), and none was a plain 500.
    expect(during.filter((outcome) => outcome.status === undefined)).toEqual([])
    expect(during.filter((outcome) => ![200, 201, 503].includes(outcome.status!))).toEqual([])
    const failed = during.filter((outcome) => outcome.status === 503)
    expect(failed.length).toBeGreaterThanOrEqual(10)
    // Once the outage is known, a request is refused without waiting for the database (a
    // connection attempt would take up to the pool's 5 s timeout).
    const slowest = Math.max(...failed.slice(-20).map((outcome) => outcome.ms))
    expect(slowest).toBeLessThan(1000)

    cluster.start()
    const returnedAt = performance.now()
    let recovered: number | undefined
    while (recovered === undefined && performance.now() - returnedAt < 20_000) {
      const probe = await request(server.url, 'GET', '/api/projects?limit=5')
      if (probe.status === 200) recovered = performance.now() - returnedAt
      else await sleep(50)
    }
    await load.stop()
    load = undefined
    report(
      `database outage: ${before} requests before, ${during.length} during (${failed.length} × 503, ` +
        `slowest of the last 20 refusals ${Math.round(slowest)} ms)`,
    )
    report(`recovery after database returned: ${((recovered ?? NaN) / 1000).toFixed(2)} s`)
    expect(recovered).toBeLessThan(5000)

    expect((await request(server.url, 'GET', '/readyz')).status).toBe(200)
    const written = await request(server.url, 'POST', '/api/partners', {
      token,
      body: { name: 'Nach dem Ausfall', slug: 'after-outage' },
    })
    expect(written.status).toBe(201)
    const list = await request(server.url, 'GET', '/api/partners?where[slug][equals]=after-outage')
    expect((JSON.parse(list.body!) as Json).totalDocs).toBe(1)
    // The pool and the process survived: a clean shutdown still exits 0.
    expect(await server.stop('SIGTERM')).toBe(0)
  }, 120_000)
})

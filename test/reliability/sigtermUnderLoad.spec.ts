import crypto from 'node:crypto'

import { createClient } from '@libsql/client'
import pg from 'pg'

import { startServer, type RunningServer } from '../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../helpers/testDatabases'
import { login, report, request, sleep, type Outcome } from './faultHttp'

/** The slugs of the partners this suite wrote, read from the database itself. */
const storedSlugs = async (uri: string): Promise<Set<string>> => {
  const sql = "select slug from partners where slug like 'sigterm-%'"
  if (uri.startsWith('file:')) {
    const client = createClient({ url: uri })
    try {
      return new Set((await client.execute(sql)).rows.map((row) => String(row.slug)))
    } finally {
      client.close()
    }
  }
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return new Set((await client.query<{ slug: string }>(sql)).rows.map((row) => row.slug))
  } finally {
    await client.end()
  }
}

/**
 * SIGTERM while clients read and write: the server stops accepting, answers every request it
 * accepted, exits 0, and every write it acknowledged is in the database.
 */
describe.each(testDatabaseKinds())('SIGTERM under load on $name', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  const password = 'sigterm-test-password'

  beforeAll(async () => {
    database = await kind.create()
    server = await startServer({
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
      SEED_DEMO: 'true',
      DEMO_PASSWORD: password,
      FEED_RATE_LIMIT: '100000',
    })
  })

  afterAll(async () => {
    if (server && server.child.exitCode === null) await server.stop('SIGKILL')
    await database?.drop()
  })

  it('should finish accepted requests, exit 0 and lose no acknowledged write', async () => {
    const token = await login(server.url, 'redaktion@itnet.example', password)
    const outcomes: (Outcome & { startedAt: number; slug?: string })[] = []
    let refused = false
    let n = 0
    const worker = async (id: number) => {
      while (!refused) {
        const slug = `sigterm-${id}-${n++}`
        const write = n % 2 === 0
        const startedAt = performance.now()
        const outcome = write
          ? await request(server.url, 'POST', '/api/partners', {
              token,
              body: { name: `Abschalten ${slug}`, slug },
            })
          : await request(server.url, 'GET', '/api/projects?limit=10&depth=1')
        outcomes.push({ ...outcome, startedAt, slug: write ? slug : undefined })
        // Nobody listens any more: the server is gone (or going).
        if (outcome.error === 'ECONNREFUSED') refused = true
      }
    }
    const workers = Promise.all([1, 2, 3, 4, 5, 6].map(worker))
    // Under way first: some answers, as many writes as reads (however busy the machine is).
    const warmUntil = performance.now() + 30_000
    while (outcomes.length < 24 && performance.now() < warmUntil) await sleep(50)
    await sleep(200)
    const signalAt = performance.now()
    const exitCode = await server.stop('SIGTERM')
    const exitMs = performance.now() - signalAt
    await workers

    const answered = outcomes.filter((outcome) => outcome.status !== undefined)
    const unanswered = outcomes.filter((outcome) => outcome.status === undefined)
    const refusedBy = (code: string) =>
      unanswered.filter((outcome) => outcome.error === code).length
    // Requests running when the signal came and answered afterwards: the drain did its work.
    const drained = answered.filter(
      (outcome) => outcome.startedAt < signalAt && outcome.startedAt + outcome.ms > signalAt,
    )
    const acknowledged = answered.filter((outcome) => outcome.slug && outcome.status === 201)
    const stored = await storedSlugs(database.uri)
    report(
      `SIGTERM on ${kind.name}: ${answered.length} requests answered (${acknowledged.length} ` +
        `writes acknowledged, ${drained.length} in flight at the signal), ${unanswered.length} ` +
        `not accepted (${refusedBy('ECONNREFUSED')} refused, ${refusedBy('ECONNRESET')} reset ` +
        `unread); ` +
        `exit ${exitCode} ${Math.round(exitMs)} ms after the signal; ${stored.size} rows stored`,
    )

    expect(exitCode).toBe(0)
    expect(answered.length).toBeGreaterThanOrEqual(24)
    expect(answered.filter((outcome) => outcome.status! < 200 || outcome.status! >= 300)).toEqual(
      [],
    )
    expect(drained.length).toBeGreaterThan(0)
    // No answer means a refused connection, or one the server closed before reading a byte of
    // it (still in the accept queue, or idle when the drain began): never a cut-off answer.
    expect(
      unanswered.filter((outcome) => !['ECONNREFUSED', 'ECONNRESET'].includes(outcome.error!)),
    ).toEqual([])
    expect(acknowledged.filter((outcome) => !stored.has(outcome.slug!))).toEqual([])
    // And no write without an answer was performed: the stored rows are the acknowledged ones.
    expect([...stored].sort()).toEqual(acknowledged.map((outcome) => outcome.slug!).sort())
  }, 60_000)
})

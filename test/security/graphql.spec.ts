import crypto from 'node:crypto'
import http from 'node:http'

import { payloadGraphQLLimits } from '../../src/graphql/payloadGraphQLRules'
import { maxGraphQLBodyBytes } from '../../src/server/graphqlLimits'
import { startServer, type RunningServer } from '../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../helpers/testDatabases'
import { bearer, clientAt, type Json } from './helpers/clientAt'

/**
 * Abusive GraphQL against both endpoints of a production server: Payload's `/api/graphql`
 * and the public feed (`/api/feed/graphql`). Every refusal is a client error with a message.
 */

const password = 'graphql-attack-password'
const graphqlRateLimit = 40
const payloadGraphQL = '/api/graphql'
const feedGraphQL = '/api/feed/graphql'

const messages = (body: Json): string =>
  (body.errors ?? []).map((error: { message: string }) => error.message).join(' | ')

/** `Members { docs { logo { organisation { logo … } } } }` nested `levels` relationship hops. */
const memberLogoLoop = (levels: number): string => {
  let inner = 'id'
  for (let level = 0; level < levels; level++) {
    // The outermost hop (the last one wrapped) is a member's logo.
    inner = (levels - level) % 2 === 1 ? `logo { ${inner} }` : `organisation { ${inner} }`
  }
  return `{ Members { docs { ${inner} } } }`
}

describe.each(testDatabaseKinds())('GraphQL attacks on $name', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  let attempts = 0

  beforeAll(async () => {
    database = await kind.create()
    server = await startServer({
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
      SEED_DEMO: 'true',
      DEMO_PASSWORD: password,
      GRAPHQL_RATE_LIMIT: String(graphqlRateLimit),
    })
  }, 300_000)

  afterAll(async () => {
    await server?.stop()
    await database?.drop()
    console.log(`[security] GraphQL attacks tried on ${kind.name}: ${attempts}`)
  })

  /** Sends one attack and returns status and body; never a server error. */
  const attack = async (
    path: string,
    body: unknown,
    client = clientAt(server.url),
  ): Promise<{ status: number; body: Json }> => {
    attempts++
    const response = await client.send('POST', path, body)
    const parsed = (await response.json()) as Json
    expect(response.status).toBeLessThan(500)
    return { status: response.status, body: parsed }
  }

  it('[S14] refuses introspection in production on both endpoints', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Project") { fields { name } } }',
    ]) {
      const refused = await attack(payloadGraphQL, { query })
      expect(refused.body.data).toBeUndefined()
      expect(messages(refused.body)).toContain('Introspection is off in production')
    }
    const feed = await attack(feedGraphQL, { query: '{ __schema { types { name } } }' })
    expect(feed.body.data).toBeUndefined()
    expect(messages(feed.body)).toMatch(/Introspection is off in production/)
    // What a frontend asks keeps working.
    const normal = await attack(payloadGraphQL, { query: '{ Projects { totalDocs } }' })
    expect(normal.body.data.Projects.totalDocs).toBeGreaterThan(0)
  })

  it('[S15] gives no "Did you mean" suggestions in production', async () => {
    const payloadAnswer = await attack(payloadGraphQL, { query: '{ Projects { docs { titel } } }' })
    expect(messages(payloadAnswer.body)).toContain('Cannot query field "titel"')
    const feedAnswer = await attack(feedGraphQL, {
      query: '{ projects { edges { node { titel } } } }',
    })
    expect(messages(feedAnswer.body)).toContain('Cannot query field "titel"')
    for (const answer of [payloadAnswer, feedAnswer]) {
      expect(JSON.stringify(answer.body)).not.toMatch(/Did you mean|"title"/)
    }
  })

  it('[S16] refuses queries deeper than the limit on both endpoints', async () => {
    const tooDeep = await attack(payloadGraphQL, {
      query: memberLogoLoop(payloadGraphQLLimits.maxDepth),
    })
    expect(tooDeep.body.data).toBeUndefined()
    expect(messages(tooDeep.body)).toMatch(/depth limit of 10/i)
    const shallow = await attack(payloadGraphQL, { query: memberLogoLoop(4) })
    expect(shallow.body.errors).toBeUndefined()

    const feedDeep = await attack(feedGraphQL, {
      query:
        '{ projects { edges { node { participants { ... on Member { projects { participants { ... on Member { projects { participants { ... on Member { name } } } } } } } } } } } }',
    })
    expect(feedDeep.body.data).toBeUndefined()
    expect(JSON.stringify(feedDeep.body)).toMatch(/QUERY_TOO_DEEP|depth/i)
  })

  it('[S17] refuses more aliases than the limit on both endpoints', async () => {
    const aliases = (count: number, field: string) =>
      `{ ${Array.from({ length: count }, (_, n) => `a${n}: ${field}`).join(' ')} }`
    const payloadAnswer = await attack(payloadGraphQL, {
      query: aliases(payloadGraphQLLimits.maxAliases + 1, 'Projects { totalDocs }'),
    })
    expect(payloadAnswer.body.data).toBeUndefined()
    expect(messages(payloadAnswer.body)).toMatch(/aliases limit/i)
    const allowed = await attack(payloadGraphQL, { query: aliases(3, 'Projects { totalDocs }') })
    expect(allowed.body.errors).toBeUndefined()

    const feedAnswer = await attack(feedGraphQL, { query: aliases(31, 'projects { totalCount }') })
    expect(feedAnswer.body.data).toBeUndefined()
    expect(JSON.stringify(feedAnswer.body)).toMatch(/alias/i)
  })

  it('[S18] refuses batched operations (JSON arrays) on both endpoints', async () => {
    const batch = Array.from({ length: 5 }, () => ({ query: '{ Projects { totalDocs } }' }))
    const payloadAnswer = await attack(payloadGraphQL, batch)
    expect(payloadAnswer.status).toBe(400)
    expect(messages(payloadAnswer.body)).toContain('Batched operations are not accepted')
    const feedAnswer = await attack(feedGraphQL, [
      { query: '{ projects { totalCount } }' },
      { query: '{ events { totalCount } }' },
    ])
    expect(feedAnswer.status).toBe(400)
    expect(feedAnswer.body.data).toBeUndefined()
  })

  it('[S19] refuses oversized queries before parsing them', async () => {
    const padding = ' '.repeat(maxGraphQLBodyBytes)
    const payloadAnswer = await attack(payloadGraphQL, {
      query: `{ Projects { totalDocs } }${padding}`,
    })
    expect(payloadAnswer.status).toBe(413)
    expect(messages(payloadAnswer.body)).toContain(`larger than ${maxGraphQLBodyBytes} bytes`)

    // A body without a length (chunked) is refused instead of read without a bound.
    const { hostname, port } = new URL(server.url)
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: hostname,
          port,
          path: payloadGraphQL,
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
            'X-Forwarded-For': '198.51.100.250',
          },
        },
        (response) => {
          let body = ''
          response.on('data', (chunk) => (body += chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
        },
      )
      request.on('error', reject)
      request.write('{"query": "{ Projects { totalDocs } }"')
      request.end('}')
    })
    attempts++
    expect(chunked.status).toBe(411)
    expect(chunked.body).toContain('Content-Length')

    const feedAnswer = await attack(feedGraphQL, {
      query: `{ projects { totalCount } }${' '.repeat(9 * 1024)}`,
    })
    expect(feedAnswer.body.data).toBeUndefined()
    expect(JSON.stringify(feedAnswer.body)).toMatch(/QUERY_TOO_LARGE|larger than/i)
  })

  it('[S12] refuses aliased login batching: one auth mutation per request', async () => {
    const login = (alias: string, secret: string) =>
      `${alias}: loginUser(email: "redaktion@itnet.example", password: "${secret}") { token }`
    const wrong = Array.from({ length: 6 }, (_, n) => login(`try${n}`, `guess-${n}`)).join(' ')
    const batched = await attack(payloadGraphQL, { query: `mutation { ${wrong} }` })
    expect(batched.body.data).toBeUndefined()
    expect(messages(batched.body)).toContain('At most one sign-in, password or unlock mutation')
    // Nothing ran: six wrong passwords would have locked the account (5 attempts).
    const single = await attack(payloadGraphQL, {
      query: `mutation { ${login('only', password)} }`,
    })
    expect(single.body.data.only.token).toEqual(expect.any(String))
  })

  it('[S20] limits GraphQL requests per address; a busy frontend reading the feed is not stopped', async () => {
    const abuser = clientAt(server.url)
    const statuses: number[] = []
    for (let request = 0; request < graphqlRateLimit + 5; request++) {
      attempts++
      const response = await abuser.graphql(payloadGraphQL, '{ Projects { totalDocs } }')
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    expect(statuses.slice(0, graphqlRateLimit)).toEqual(Array(graphqlRateLimit).fill(200))
    expect(statuses.slice(graphqlRateLimit)).toEqual(Array(5).fill(429))
    const limited = await abuser.graphql(payloadGraphQL, '{ Projects { totalDocs } }')
    expect(messages((await limited.json()) as Json)).toContain('Too many GraphQL requests')

    // Another address is unaffected, and so are signed-in editors on theirs.
    const neighbour = clientAt(server.url)
    const token = await neighbour.login('redaktion@itnet.example', password)
    const editorAnswer = await neighbour.graphql(
      payloadGraphQL,
      '{ Projects(draft: true) { totalDocs } }',
      undefined,
      bearer(token),
    )
    expect(editorAnswer.status).toBe(200)

    // A frontend's server: 300 feed reads in a burst from one address, all answered.
    const frontend = clientAt(server.url)
    const feedStatuses = await Promise.all(
      Array.from({ length: 300 }, async (_, n) => {
        const response = await frontend.get(
          `${feedGraphQL}?query=${encodeURIComponent(`{ projects(first: ${1 + (n % 5)}) { totalCount } }`)}`,
        )
        await response.arrayBuffer()
        return response.status
      }),
    )
    expect(feedStatuses.filter((status) => status !== 200)).toEqual([])
  })
})

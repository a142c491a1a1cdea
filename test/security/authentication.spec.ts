import crypto from 'node:crypto'

import { startServer, type RunningServer } from '../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../helpers/testDatabases'
import { clientAt, type HubClient, type Json } from './helpers/clientAt'

/**
 * Password guessing against a production server with the shipped limits (AUTH_RATE_LIMIT
 * unset: 20 attempts per address per 10 minutes; 5 wrong passwords lock an account).
 */

const password = 'authentication-attack-password'
const shippedAuthLimit = 20

describe.each(testDatabaseKinds())('authentication attacks on $name', (kind) => {
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
      AUTH_RATE_LIMIT: '',
    })
  }, 300_000)

  afterAll(async () => {
    await server?.stop()
    await database?.drop()
    console.log(`[security] authentication attacks tried on ${kind.name}: ${attempts}`)
  })

  const restLogin = (client: HubClient, email: string, secret: string) =>
    client.send('POST', '/api/users/login', { email, password: secret })

  const graphqlLogin = (client: HubClient, email: string, secret: string) =>
    client.graphql(
      '/api/graphql',
      'mutation Login($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
      { email, password: secret },
    )

  it('[S11] stops password spraying from one address well before 30 attempts, over REST and GraphQL alike', async () => {
    const sprayer = clientAt(server.url)
    const statuses: number[] = []
    for (let attempt = 0; attempt < 30; attempt++) {
      attempts++
      const email = `person${attempt}@example.org`
      const response =
        attempt % 2 === 0
          ? await restLogin(sprayer, email, 'Sommer2026!')
          : await graphqlLogin(sprayer, email, 'Sommer2026!')
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    const firstRefusal = statuses.indexOf(429)
    expect(firstRefusal).toBe(shippedAuthLimit)
    expect(statuses.slice(firstRefusal).every((status) => status === 429)).toBe(true)
    expect(statuses.filter((status) => status >= 500)).toEqual([])

    // Even the right password is refused from that address now; from another it works.
    const blocked = await restLogin(sprayer, 'redaktion@itnet.example', password)
    expect(blocked.status).toBe(429)
    expect(((await blocked.json()) as Json).errors[0].message).toContain(
      'Too many sign-in attempts',
    )
    await clientAt(server.url).login('redaktion@itnet.example', password)
  })

  it('[S11] locks an account after 5 wrong passwords, whichever addresses they come from', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      attempts++
      const response = await restLogin(
        clientAt(server.url),
        'tecart@itnet.example',
        `wrong-${attempt}`,
      )
      expect(response.status).toBe(401)
    }
    attempts++
    const locked = await restLogin(clientAt(server.url), 'tecart@itnet.example', password)
    expect(locked.status).toBeGreaterThanOrEqual(400)
    expect(locked.status).toBeLessThan(500)
    expect(((await locked.json()) as Json).errors[0].message).toMatch(/locked|gesperrt/i)
  })

  it('[S13] answers a password-reset request the same for known and unknown addresses, and counts it as an attempt', async () => {
    const client = clientAt(server.url)
    const answers: { status: number; body: string }[] = []
    for (const email of ['qsoft@itnet.example', 'niemand@itnet.example']) {
      attempts++
      const response = await client.send('POST', '/api/users/forgot-password', { email })
      answers.push({ status: response.status, body: await response.text() })
    }
    expect(answers[0]).toEqual(answers[1])
    expect(answers[0].status).toBe(200)

    // A made-up reset token is a client error, not a server error, over REST and GraphQL.
    attempts += 2
    const rest = await client.send('POST', '/api/users/reset-password', {
      token: 'made-up-token',
      password: 'new-password-123',
    })
    expect(rest.status).toBeGreaterThanOrEqual(400)
    expect(rest.status).toBeLessThan(500)
    const graphql = await client.graphql(
      '/api/graphql',
      'mutation { resetPasswordUser(token: "made-up-token", password: "new-password-123") { token } }',
    )
    expect(graphql.status).toBeLessThan(500)
    expect(((await graphql.json()) as Json).errors?.length).toBeGreaterThan(0)

    // The same counter: 4 attempts spent, so the 17th further reset request is refused.
    const statuses: number[] = []
    for (let request = 0; request < shippedAuthLimit - 4 + 1; request++) {
      attempts++
      const response = await client.send('POST', '/api/users/forgot-password', {
        email: `x${request}@example.org`,
      })
      statuses.push(response.status)
      await response.arrayBuffer()
    }
    expect(statuses.at(-1)).toBe(429)
    expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true)
  })
})

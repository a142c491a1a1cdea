import crypto from 'node:crypto'

import { startServer, type RunningServer } from '../../helpers/startServer'
import type { TestDatabase, TestDatabaseKind } from '../../helpers/testDatabases'

export type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export const demoPassword = 'security-test-password'

/** The demo accounts of `src/seed/data/demoUsers.ts`. */
export const demo = {
  admin: 'admin@itnet.example',
  editor: 'redaktion@itnet.example',
  /** Member user of Q-SOFT (`q-soft`). */
  qsoft: 'qsoft@itnet.example',
  /** Member user of TecArt (`tecart`). */
  tecart: 'tecart@itnet.example',
} as const

export type Reply = {
  status: number
  headers: Headers
  /** The raw body, as an attacker would read it. */
  text: string
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: Json | undefined
}

export type RequestOptions = {
  body?: unknown
  token?: string
  headers?: Record<string, string>
}

export type HubClient = ReturnType<typeof hubClient>

/** Talks to the running hub over HTTP, exactly like an outside caller. */
export const hubClient = (server: () => RunningServer) => {
  const request = async (
    method: string,
    path: string,
    { body, token, headers = {} }: RequestOptions = {},
  ): Promise<Reply> => {
    const response = await fetch(`${server().url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    let json: Json | undefined
    try {
      json = text ? (JSON.parse(text) as Json) : undefined
    } catch {
      json = undefined
    }
    return { status: response.status, headers: response.headers, text, json }
  }

  const get = (path: string, token?: string) => request('GET', path, { token })

  const login = async (email: string): Promise<string> => {
    const reply = await request('POST', '/api/users/login', {
      body: { email, password: demoPassword },
    })
    if (reply.status !== 200) throw new Error(`login ${email}: ${reply.status} ${reply.text}`)
    return reply.json!.token as string
  }

  /** Payload's own GraphQL API. */
  const graphql = (query: string, variables?: unknown, token?: string) =>
    request('POST', '/api/graphql', { body: { query, variables }, token })

  /** The public feed's GraphQL API (anonymous by design). */
  const feed = (query: string, variables?: unknown) =>
    request('POST', '/api/feed/graphql', {
      body: { query, variables },
      headers: { accept: 'application/json' },
    })

  return { request, get, login, graphql, feed }
}

export type Hub = {
  server: RunningServer
  database: TestDatabase
  client: HubClient
  stop: () => Promise<void>
}

/**
 * A fresh database of `kind` and the production server on it, seeded with the demo data and
 * accounts. Rate limits are raised so that attack loops measure access rules, not throttling;
 * the feed's response cache is off so a leak cannot hide behind an answer cached earlier.
 * `extraEnv` gets the port (SERVER_URL names the server itself).
 */
export const startHub = async (
  kind: TestDatabaseKind,
  extraEnv: (port: number) => Record<string, string> = () => ({}),
): Promise<Hub> => {
  const database = await kind.create()
  let server: RunningServer
  try {
    server = await startServer((port) => ({
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
      SERVER_URL: `http://127.0.0.1:${port}`,
      SEED: 'true',
      SEED_DEMO: 'true',
      DEMO_PASSWORD: demoPassword,
      AUTH_RATE_LIMIT: '100000',
      GRAPHQL_RATE_LIMIT: '100000',
      FEED_RATE_LIMIT: '100000',
      FEED_MAX_COST: '1000000',
      FEED_RESPONSE_CACHE: 'false',
      ...extraEnv(port),
    }))
  } catch (error) {
    await database.drop()
    throw error
  }
  return {
    server,
    database,
    client: hubClient(() => server),
    stop: async () => {
      if (server.child.exitCode === null) await server.stop()
      await database.drop()
    },
  }
}

/** A marker no seed text contains, so finding it in a body proves a leak. */
export const marker = (label: string) =>
  `Leak${label}${crypto.randomBytes(5).toString('hex')}`.replace(/[^A-Za-z0-9]/g, '')

/** The markers of `markers` found (case-insensitively: slugs are lower case) in `text`. */
export const leakedMarkers = (text: string, markers: string[]) => {
  const lower = text.toLowerCase()
  return markers.filter((m) => lower.includes(m.toLowerCase()))
}

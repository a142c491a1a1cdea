import crypto from 'node:crypto'

import type { RunningServer } from '../../helpers/startServer'

export type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export const demoPassword = 'feed-test-password'

/** What a frontend would do: talk to the running hub over HTTP. */
export const feedClient = (server: () => RunningServer) => {
  const url = (path: string) => `${server().url}${path}`

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url('/api/feed/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

  /** POSTs a query and returns the parsed answer (data and errors). */
  const graphql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await post({ query, variables })
    return { status: response.status, ...((await response.json()) as Json) } as Json
  }

  const get = (
    params: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<Response> => {
    const search = new URLSearchParams()
    for (const [name, value] of Object.entries(params)) {
      search.set(name, typeof value === 'string' ? value : JSON.stringify(value))
    }
    return fetch(url(`/api/feed/graphql?${search}`), {
      headers: { accept: 'application/json', ...headers },
    })
  }

  const rest = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(url(path), {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json }
  }

  const login = async (email: string) => {
    const { status, body } = await rest('POST', '/api/users/login', {
      email,
      password: demoPassword,
    })
    if (status !== 200) throw new Error(`login ${email}: ${status} ${JSON.stringify(body)}`)
    return body.token as string
  }

  return { url, post, graphql, get, rest, login }
}

export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

/** Polls until `check` is true; resolves with the milliseconds it took. */
export const waitFor = async (
  check: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 25,
): Promise<number> => {
  const started = performance.now()
  for (;;) {
    if (await check()) return performance.now() - started
    if (performance.now() - started > timeoutMs) {
      throw new Error(`not true within ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

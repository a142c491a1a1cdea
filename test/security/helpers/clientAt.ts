/** HTTP against a running hub as one client address (the server trusts X-Forwarded-For from loopback, as behind its proxy). */

export type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export type HubClient = {
  address: string
  get: (path: string, headers?: Record<string, string>) => Promise<Response>
  send: (
    method: string,
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ) => Promise<Response>
  graphql: (
    path: string,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) => Promise<Response>
  login: (email: string, password: string) => Promise<string>
}

let lastAddress = 0

/** A fresh documentation-range address (RFC 5737) for each client, so rate limits never meet. */
export const clientAt = (baseUrl: string, address = `198.51.100.${++lastAddress}`): HubClient => {
  const send: HubClient['send'] = (method, path, body, headers = {}) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    })
  return {
    address,
    get: (path, headers = {}) =>
      fetch(`${baseUrl}${path}`, {
        headers: { 'X-Forwarded-For': address, ...headers },
        redirect: 'manual',
      }),
    send,
    graphql: (path, query, variables, headers) =>
      send('POST', path, { query, ...(variables ? { variables } : {}) }, headers),
    login: async (email, password) => {
      const response = await send('POST', '/api/users/login', { email, password })
      if (response.status !== 200) {
        throw new Error(`login of ${email} answered ${response.status}: ${await response.text()}`)
      }
      return ((await response.json()) as Json).token as string
    },
  }
}

/** `Authorization` for a token from `login`. */
export const bearer = (token: string): Record<string, string> => ({ Authorization: `JWT ${token}` })

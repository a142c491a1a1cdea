import { testDatabaseKinds } from '../helpers/testDatabases'
import { demo, demoPassword, startHub, type Hub, type Json } from './helpers/hub'

/**
 * The session cookie (docs/security.md S09, S10): a cookie sent along by another site is not a
 * session, and the cookie itself carries the flags that keep it from being sent or read.
 */

const sessionCookie = (setCookie: string | null) => {
  const match = /payload-token=([^;]+)/.exec(setCookie ?? '')
  if (!match) throw new Error(`no payload-token cookie in ${setCookie}`)
  return `payload-token=${match[1]}`
}

/** Attribute names in lower case; flags without the value Payload appends (`HttpOnly=true`),
 * which browsers ignore (RFC 6265 §5.2: only the attribute name counts). */
const cookieAttributes = (setCookie: string) =>
  setCookie
    .split(';')
    .slice(1)
    .map((part) => part.trim().toLowerCase())
    .map((part) => (/^(httponly|secure)(=|$)/.test(part) ? part.split('=')[0] : part))

describe.each(testDatabaseKinds())('sessions on $name', (kind) => {
  let hub: Hub
  let secureHub: Hub

  beforeAll(async () => {
    ;[hub, secureHub] = await Promise.all([
      startHub(kind),
      // Behind a TLS proxy: the hub's public address is https.
      startHub(kind, (port) => ({ SERVER_URL: `https://127.0.0.1:${port}` })),
    ])
  }, 300_000)

  afterAll(async () => {
    await Promise.all([hub?.stop(), secureHub?.stop()])
  })

  const loginReply = (target: Hub) =>
    target.client.request('POST', '/api/users/login', {
      body: { email: demo.qsoft, password: demoPassword },
    })

  it('[S09] a cookie write from a foreign origin is anonymous and refused; the own origin works', async () => {
    const { client, server } = hub
    const token = await client.login(demo.qsoft)
    const cookie = sessionCookie((await loginReply(hub)).headers.get('set-cookie'))
    const project = (await client.get('/api/projects?where[slug][equals]=efa-app')).json!.docs[0]
    const created = await client.request('POST', '/api/stories', {
      body: { title: 'CSRF-Ziel', project: project.id, excerpt: 'vorher' },
      token,
    })
    expect(created.status).toBe(201)
    const id = created.json!.doc.id
    const stored = async () =>
      (await client.get(`/api/stories/${id}?draft=true&depth=0`, token)).json as Json
    const storyCount = async () =>
      (await client.get('/api/stories/count?draft=true', token)).json?.totalDocs as number
    const before = await stored()
    const countBefore = await storyCount()
    const { port } = new URL(server.url)
    const foreign: Array<Record<string, string>> = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${Number(port) + 1}` },
      { origin: `${server.url}.evil.example` },
      { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://evil.example' },
    ]
    let tried = 0
    for (const headers of foreign) {
      const withCookie = { cookie, ...headers }
      const me = await client.request('GET', '/api/users/me', { headers: withCookie })
      expect([headers, me.status, me.json?.user]).toEqual([headers, 200, null])
      const patch = await client.request('PATCH', `/api/stories/${id}`, {
        body: { excerpt: 'von fremder Seite' },
        headers: withCookie,
      })
      const post = await client.request('POST', '/api/stories', {
        body: { title: 'Fremd angelegt', project: project.id },
        headers: withCookie,
      })
      const remove = await client.request('DELETE', `/api/stories/${id}`, { headers: withCookie })
      const mutation = await client.request('POST', '/api/graphql', {
        body: {
          query: `mutation { updateStory(id: ${id}, data: { excerpt: "per GraphQL" }) { id } }`,
        },
        headers: withCookie,
      })
      tried += 5
      expect([headers, patch.status, post.status, remove.status]).toEqual([headers, 403, 403, 403])
      expect(mutation.json?.errors?.length).toBeGreaterThan(0)
    }
    console.log(`[security] S09 cross-site cookie requests tried: ${tried}`)
    expect(await stored()).toEqual(before)
    expect(await storyCount()).toBe(countBefore)

    // The same cookie from the hub's own pages (and from a same-origin fetch without Origin).
    const own: Array<Record<string, string>> = [
      { origin: server.url },
      { 'sec-fetch-site': 'same-origin' },
    ]
    for (const headers of own) {
      const me = await client.request('GET', '/api/users/me', { headers: { cookie, ...headers } })
      expect(me.json?.user?.email).toBe(demo.qsoft)
      const patch = await client.request('PATCH', `/api/stories/${id}`, {
        body: { excerpt: `aus dem Admin ${JSON.stringify(headers)}` },
        headers: { cookie, ...headers },
      })
      expect(patch.status).toBe(200)
      expect((await stored()).excerpt).toBe(`aus dem Admin ${JSON.stringify(headers)}`)
    }
  })

  it('[S10] the session cookie is HttpOnly, SameSite=Lax, Path=/, and Secure behind https', async () => {
    const plain = (await loginReply(hub)).headers.get('set-cookie')!
    const secure = (await loginReply(secureHub)).headers.get('set-cookie')!
    for (const setCookie of [plain, secure]) {
      expect(sessionCookie(setCookie)).toMatch(/^payload-token=./)
      const attributes = cookieAttributes(setCookie)
      expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']))
      expect(attributes.some((attribute) => attribute.startsWith('domain='))).toBe(false)
    }
    expect(cookieAttributes(secure)).toContain('secure')
    expect(cookieAttributes(plain)).not.toContain('secure')
    // Logging out clears it with the same flags.
    const token = await secureHub.client.login(demo.qsoft)
    const logout = await secureHub.client.request('POST', '/api/users/logout', { token })
    const cleared = logout.headers.get('set-cookie') ?? ''
    expect(cleared).toMatch(/payload-token=;/)
    expect(cookieAttributes(cleared)).toEqual(expect.arrayContaining(['httponly', 'secure']))
  })
})

import crypto from 'node:crypto'
import net from 'node:net'

import { createClient } from '@libsql/client'

import { startSmtpOutbox } from '../helpers/smtpOutbox'
import { startServer, type RunningServer } from '../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../helpers/testDatabases'

/** The running hub over HTTP: production build, committed migrations, seeded demo data. */

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(testDatabaseKinds())('HTTP server on $name', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  let outbox: Awaited<ReturnType<typeof startSmtpOutbox>>

  beforeAll(async () => {
    database = await kind.create()
    outbox = await startSmtpOutbox()
    server = await startServer({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(outbox.port),
      JOBS_AUTORUN_CRON: '* * * * * *',
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
      SEED_DEMO: 'true',
      DEMO_PASSWORD: 'http-test-password',
      AUTH_RATE_LIMIT: '30',
    })
  })

  afterAll(async () => {
    if (server && server.child.exitCode === null) await server.stop()
    await database?.drop()
    await outbox?.stop()
  })

  const get = (path: string, token?: string) =>
    fetch(`${server.url}${path}`, {
      headers: token ? { Authorization: `JWT ${token}` } : {},
      redirect: 'manual',
    })

  const send = (method: string, path: string, body: unknown, token?: string) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `JWT ${token}` } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

  const login = async (email: string) => {
    const response = await send('POST', '/api/users/login', {
      email,
      password: 'http-test-password',
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as Json).token as string
  }

  it('should answer /healthz without touching Payload', async () => {
    const response = await get('/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('should give SQLite planner statistics on start', async () => {
    if (kind.name !== 'sqlite') return
    const client = createClient({ url: database.uri })
    try {
      const { rows } = await client.execute(
        "select count(*) as n from sqlite_master where name = 'sqlite_stat1'",
      )
      expect(Number(rows[0].n)).toBe(1)
      const stats = await client.execute('select count(*) as n from sqlite_stat1')
      expect(Number(stats.rows[0].n)).toBeGreaterThan(0)
    } finally {
      client.close()
    }
  })

  it('should report ready when the database answers', async () => {
    const response = await get('/readyz')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ready' })
  })

  it('should serve the admin login page', async () => {
    const first = await get('/admin')
    expect([200, 302, 307]).toContain(first.status)
    const page = await get('/admin/login')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('ITnet Thüringen')
  })

  it('should give anonymous readers the published seed projects only', async () => {
    const editor = await login('redaktion@itnet.example')
    const draft = await send('POST', '/api/projects', { title: 'Geheimer Entwurf' }, editor)
    expect(draft.status).toBe(201)
    const draftId = ((await draft.json()) as Json).doc.id

    for (const path of ['/api/projects?limit=100', '/api/projects?limit=100&draft=true']) {
      const body = (await (await get(path)).json()) as Json
      expect(body.totalDocs).toBe(6)
      expect(body.docs.every((doc: Json) => doc._status === 'published')).toBe(true)
    }
    expect((await get(`/api/projects/${draftId}`)).status).toBe(404)
    expect((await get(`/api/projects/${draftId}?draft=true`)).status).toBe(404)
    expect((await get(`/api/projects/${draftId}`, editor)).status).toBe(200)
  })

  it('should keep users closed to anonymous callers', async () => {
    expect((await get('/api/users')).status).toBe(403)
    expect((await get('/api/users/me')).status).toBe(200)
    expect(((await (await get('/api/users/me')).json()) as Json).user).toBeNull()
  })

  it("should let a member read its own organisation's draft story and nobody else", async () => {
    const qsoft = await login('qsoft@itnet.example')
    const projects = (await (await get('/api/projects?where[slug][equals]=efa-app')).json()) as Json
    const created = await send(
      'POST',
      '/api/stories',
      { title: 'EFA im Alltag', project: projects.docs[0].id },
      qsoft,
    )
    expect(created.status).toBe(201)
    const story = ((await created.json()) as Json).doc
    expect(story._status).toBe('draft')
    expect(story.member.slug ?? story.member).toBeTruthy()

    expect((await get(`/api/stories/${story.id}`)).status).toBe(404)
    expect(
      (await get(`/api/stories/${story.id}`, await login('tecart@itnet.example'))).status,
    ).toBe(404)
    const own = await get(`/api/stories/${story.id}?depth=1`, qsoft)
    expect(own.status).toBe(200)
    expect(((await own.json()) as Json).member.slug).toBe('q-soft')
  })

  it('should refuse a member publishing over REST with 403 and a reason', async () => {
    const qsoft = await login('qsoft@itnet.example')
    const response = await send(
      'POST',
      '/api/stories',
      { title: 'Live', project: 1, _status: 'published' },
      qsoft,
    )
    expect(response.status).toBe(403)
    expect(JSON.stringify(await response.json())).toContain('_status')
  })

  const transition = (collection: string, id: unknown, body: unknown, token?: string) =>
    send('POST', `/api/${collection}/${id}/workflow`, body, token)

  it('should hide contact details from everyone but editors and the organisation', async () => {
    const editor = await login('redaktion@itnet.example')
    const tecart = (await (await get('/api/members?where[slug][equals]=tecart')).json()) as Json
    const id = tecart.docs[0].id
    const patched = await send(
      'PATCH',
      `/api/members/${id}`,
      { contact: { person: 'Max', email: 'max@tecart.example' } },
      editor,
    )
    expect(patched.status).toBe(200)
    // The change waits for review; four eyes: the submitting editor cannot approve it.
    expect((await transition('members', id, { transition: 'submit' }, editor)).status).toBe(200)
    const own = await transition('members', id, { transition: 'approve' }, editor)
    expect(own.status).toBe(403)
    expect(((await own.json()) as Json).errors[0].code).toBe('WORKFLOW_FOUR_EYES')
    const approved = await transition(
      'members',
      id,
      { transition: 'approve' },
      await login('admin@itnet.example'),
    )
    expect(approved.status).toBe(200)
    expect(await approved.json()).toMatchObject({ state: 'published', live: true })

    const anonymous = (await (await get(`/api/members/${id}`)).json()) as Json
    expect(anonymous.contact).toBeUndefined()
    const otherMember = (await (
      await get(`/api/members/${id}`, await login('qsoft@itnet.example'))
    ).json()) as Json
    expect(otherMember.contact).toBeUndefined()
    const ownMember = (await (
      await get(`/api/members/${id}`, await login('tecart@itnet.example'))
    ).json()) as Json
    expect(ownMember.contact.email).toBe('max@tecart.example')
  })

  it('should take a story through review over REST and GraphQL', async () => {
    const qsoft = await login('qsoft@itnet.example')
    const editor = await login('redaktion@itnet.example')
    const projects = (await (await get('/api/projects?where[slug][equals]=efa-app')).json()) as Json
    const created = await send(
      'POST',
      '/api/stories',
      { title: 'EFA geht live', project: projects.docs[0].id },
      qsoft,
    )
    const id = ((await created.json()) as Json).doc.id

    const status = (await (await get(`/api/stories/${id}/workflow`, qsoft)).json()) as Json
    expect(status).toMatchObject({
      state: 'draft',
      live: false,
      transitions: ['submit'],
      history: [],
    })
    expect((await get(`/api/stories/${id}/workflow`)).status).toBe(401)

    const codeOf = async (response: Response) => ((await response.json()) as Json).errors[0].code
    const anonymous = await transition('stories', id, { transition: 'submit' })
    expect(anonymous.status).toBe(401)
    const unknown = await transition('stories', id, { transition: 'publish' }, qsoft)
    expect([unknown.status, await codeOf(unknown)]).toEqual([400, 'WORKFLOW_UNKNOWN_TRANSITION'])
    const malformed = await transition('stories', id, '{"transition": ', qsoft)
    expect(malformed.status).toBe(400)

    const submitted = await transition('stories', id, { transition: 'submit' }, qsoft)
    expect(await submitted.json()).toMatchObject({ state: 'in_review', transitions: [] })
    // The server's own jobs runner mails the editors.
    const deadline = Date.now() + 20_000
    while (
      !outbox.messages.some((mail) => mail.subject.includes('EFA geht live')) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const mail = outbox.messages.find((message) => message.subject.includes('EFA geht live'))
    expect(mail?.to.sort()).toEqual(['admin@itnet.example', 'redaktion@itnet.example'])
    const selfApproval = await transition('stories', id, { transition: 'approve' }, qsoft)
    expect([selfApproval.status, await codeOf(selfApproval)]).toEqual([403, 'WORKFLOW_FORBIDDEN'])
    const noReason = await transition('stories', id, { transition: 'reject' }, editor)
    expect([noReason.status, await codeOf(noReason)]).toEqual([400, 'WORKFLOW_COMMENT_REQUIRED'])
    const inBulk = await send(
      'PATCH',
      `/api/stories?where[id][equals]=${id}`,
      { _status: 'published' },
      editor,
    )
    expect(inBulk.status).toBeGreaterThanOrEqual(400)
    expect(JSON.stringify(await inBulk.json())).toContain('WORKFLOW_PUBLISH_OUTSIDE_TRANSITION')
    const byStatus = await send('PATCH', `/api/stories/${id}`, { _status: 'published' }, editor)
    expect([byStatus.status, JSON.stringify(await byStatus.json())]).toEqual([
      403,
      expect.stringContaining('WORKFLOW_PUBLISH_OUTSIDE_TRANSITION'),
    ])
    const payloadMutation = `mutation { updateStory(id: ${id}, draft: false, data: { _status: published }) { id } }`
    const viaGraphql = (await (
      await send('POST', '/api/graphql', { query: payloadMutation }, editor)
    ).json()) as Json
    expect(JSON.stringify(viaGraphql.errors)).toContain('WORKFLOW_PUBLISH_OUTSIDE_TRANSITION')
    expect((await get(`/api/stories/${id}`)).status).toBe(404)

    const mutation = `mutation { workflowTransition(collection: "stories", id: "${id}", transition: "approve") { state live transitions history { transition from to } } }`
    const graphql = await send('POST', '/api/graphql', { query: mutation }, editor)
    const result = (await graphql.json()) as Json
    expect(result.errors).toBeUndefined()
    expect(result.data.workflowTransition).toMatchObject({ state: 'published', live: true })
    expect(result.data.workflowTransition.history.map((step: Json) => step.transition)).toEqual([
      'submit',
      'approve',
    ])

    expect((await get(`/api/stories/${id}`)).status).toBe(200)
    const again = await transition('stories', id, { transition: 'approve' }, editor)
    expect([again.status, await codeOf(again)]).toEqual([409, 'WORKFLOW_INVALID_STATE'])
    expect(
      (await get(`/api/stories/${id}/workflow`, await login('tecart@itnet.example'))).status,
    ).toBe(403)
  })

  it("should answer Payload's GraphQL, and malformed JSON with 400", async () => {
    const ok = await send('POST', '/api/graphql', { query: '{ Projects { totalDocs } }' })
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as Json).data.Projects.totalDocs).toBe(6)
    const bad = await send('POST', '/api/graphql', '{"query": ')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('not valid JSON')
  })

  it('should refuse malformed JSON on REST with a client error', async () => {
    const editor = await login('redaktion@itnet.example')
    const response = await send('POST', '/api/partners', '{"name": ', editor)
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })

  it('should take 20 concurrent writes and reads without a server error or a lost write', async () => {
    const editor = await login('redaktion@itnet.example')
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        send('POST', '/api/partners', { name: `Parallel ${n}`, slug: `parallel-${n}` }, editor),
      ),
    )
    const reads = await Promise.all(Array.from({ length: 20 }, () => get('/api/projects?limit=5')))
    expect(created.map((response) => response.status)).toEqual(Array(20).fill(201))
    expect(reads.every((response) => response.status === 200)).toBe(true)
    const stored = (await (
      await get('/api/partners?where[slug][like]=parallel-&limit=100')
    ).json()) as Json
    expect(stored.totalDocs).toBe(20)
  })

  it('should refuse anonymous writes', async () => {
    const response = await send('POST', '/api/projects', { title: 'Anonym' })
    expect(response.status).toBe(403)
  })

  it('should throttle repeated sign-in attempts from one address', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 35; attempt++) {
      const response = await send('POST', '/api/users/login', {
        email: 'nobody@example.org',
        password: 'wrong',
      })
      statuses.push(response.status)
    }
    expect(statuses).toContain(429)
    expect(statuses.filter((status) => status >= 500)).toEqual([])
  })

  if (kind.name === 'postgres') {
    it('should report not ready once the database is gone', async () => {
      await database.drop()
      const response = await get('/readyz')
      expect(response.status).toBe(503)
      expect(await response.json()).toMatchObject({ status: 'unavailable', database: 'postgres' })
      expect((await get('/healthz')).status).toBe(200)
    })
  }

  it('should finish an in-flight request on SIGTERM and exit 0', async () => {
    // A request whose body is still arriving when the signal comes must get its answer.
    const { port } = new URL(server.url)
    const socket = net.connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    const body = JSON.stringify({ email: 'nobody@example.org', password: 'still-arriving' })
    socket.write(
      `POST /api/users/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    )
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk))
    const closed = new Promise((resolve) => socket.once('close', resolve))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const exit = server.stop('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 300))
    socket.end(body.slice(10))
    await closed
    expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /)
    expect(await exit).toBe(0)
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
  })
})

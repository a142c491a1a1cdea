import crypto from 'node:crypto'

import { serverAudits } from 'graphql-http'

import { startServer, type RunningServer } from '../../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../../helpers/testDatabases'
import { demoPassword, feedClient, sha256, waitFor, type Json } from './feedHttp'

/**
 * The public GraphQL feed against the running hub (production build, committed migrations,
 * the interview's seed): the contract, pagination, what never leaks, limits, HTTP caching
 * and how fast a publication becomes visible.
 */

const rateLimit = 2000
const projectsQuery = `query Projects($first: Int, $after: String, $locale: Locale) {
  projects(first: $first, after: $after, locale: $locale) {
    totalCount
    edges { cursor node { slug title summary } }
    pageInfo { hasNextPage endCursor }
  }
}`

describe.each(testDatabaseKinds())('public GraphQL feed on $name', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  const secret = crypto.randomBytes(16).toString('hex')
  const client = feedClient(() => server)
  const { graphql, get, post, rest, login } = client
  let editor: string

  beforeAll(async () => {
    database = await kind.create()
    server = await startServer({
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: secret,
      SEED_DEMO: 'true',
      DEMO_PASSWORD: demoPassword,
      FEED_RATE_LIMIT: String(rateLimit),
      JOBS_AUTORUN_CRON: '* * * * * *',
    })
    editor = await login('redaktion@itnet.example')
  })

  afterAll(async () => {
    if (server && server.child.exitCode === null) await server.stop()
    await database?.drop()
  })

  const slugs = (connection: Json) => connection.edges.map((edge: Json) => edge.node.slug)

  /** A project published by the editor over REST (projects have no review step). */
  const publishProject = async (data: Json) => {
    const { status, body } = await rest(
      'POST',
      '/api/projects',
      { status: 'active', ...data, _status: 'published' },
      editor,
    )
    expect(status).toBe(201)
    return body.doc as Json
  }

  describe('contract', () => {
    it('should list the published projects as a Relay connection, newest first', async () => {
      const { data, errors } = await graphql(`
        {
          projects(first: 2) {
            totalCount
            edges {
              cursor
              node {
                slug
                title
                status
                topics
                startDate
                datePrecision
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      `)
      expect(errors).toBeUndefined()
      expect(data.projects.totalCount).toBe(6)
      expect(data.projects.edges).toHaveLength(2)
      expect(data.projects.pageInfo.hasNextPage).toBe(true)
      expect(data.projects.pageInfo.endCursor).toBe(data.projects.edges[1].cursor)
      expect(data.projects.edges[0].node).toMatchObject({
        slug: 'green-it-partnerschaft-thega',
        status: 'ACTIVE',
        topics: ['GREEN_IT'],
      })
    })

    it('should resolve participants as members and partners', async () => {
      const { data } = await graphql(`
        {
          project(slug: "green-it-partnerschaft-thega") {
            title
            participants {
              __typename
              ... on Member {
                slug
                name
                membershipType
                kind
                projects {
                  slug
                }
              }
              ... on Partner {
                slug
                name
                website
              }
            }
            body {
              html
              text
            }
          }
        }
      `)
      expect(data.project.participants).toEqual([
        expect.objectContaining({
          __typename: 'Member',
          slug: 'honest-consulting',
          membershipType: 'ORDINARY',
          kind: 'COMPANY',
          projects: [{ slug: 'green-it-partnerschaft-thega' }],
        }),
        expect.objectContaining({ __typename: 'Partner', slug: 'thega' }),
      ])
      expect(data.project.body.text).toContain('ThEGA')
      expect(data.project.body.html).toMatch(/^<p>.*ThEGA.*<\/p>$/s)
    })

    it('should filter projects by topic, member and status', async () => {
      const byTopic = await graphql(`
        {
          projects(topic: SALES) {
            edges {
              node {
                slug
              }
            }
          }
        }
      `)
      expect(slugs(byTopic.data.projects)).toEqual(['vertriebspartnerschaft-traeno-tecart'])
      const byMember = await graphql(`
        {
          projects(member: "q-soft") {
            edges {
              node {
                slug
              }
            }
          }
        }
      `)
      expect(slugs(byMember.data.projects)).toEqual(['efa-app'])
      const all = await graphql(`
        {
          projects(first: 100) {
            edges {
              node {
                status
              }
            }
          }
        }
      `)
      const planned = all.data.projects.edges.filter((edge: Json) => edge.node.status === 'PLANNED')
      const byStatus = await graphql(`
        {
          projects(status: PLANNED) {
            totalCount
            edges {
              node {
                status
              }
            }
          }
        }
      `)
      expect(byStatus.data.projects.totalCount).toBe(planned.length)
      expect(byStatus.data.projects.edges).toEqual(planned)
      const unknownMember = await graphql(`
        {
          projects(member: "nobody") {
            totalCount
          }
        }
      `)
      expect(unknownMember.data.projects.totalCount).toBe(0)
    })

    it('should list events in date order, filtered by type and period, with their series', async () => {
      const { data } = await graphql(`
        {
          all: events(first: 100) {
            totalCount
            edges {
              node {
                slug
                startsAt
              }
            }
          }
          lounges: events(type: BUSINESS_LOUNGE) {
            edges {
              node {
                slug
                type
              }
            }
          }
          autumn: events(from: "2023-10-01T00:00:00Z", to: "2023-12-31T23:59:59Z") {
            edges {
              node {
                slug
              }
            }
          }
          month: event(slug: "cybersecurity-monat-2023") {
            type
            datePrecision
            allDay
            events {
              slug
              series {
                slug
              }
            }
          }
        }
      `)
      expect(data.all.totalCount).toBe(10)
      const starts = data.all.edges.map((edge: Json) => edge.node.startsAt)
      expect([...starts].sort()).toEqual(starts)
      expect(slugs(data.lounges)).toEqual(['business-lounge-2023-02', 'business-lounge-2023-11'])
      expect(slugs(data.autumn)).toContain('business-lounge-2023-11')
      expect(slugs(data.autumn)).not.toContain('jahresempfang-2023')
      expect(data.month).toMatchObject({ type: 'CYBERSECURITY_MONAT', datePrecision: 'MONTH' })
      expect(data.month.events).toHaveLength(4)
      expect(data.month.events[0].series.slug).toBe('cybersecurity-monat-2023')
    })

    it('should filter members by membership type and topic', async () => {
      const { data } = await graphql(`
        {
          ordinary: members(membershipType: ORDINARY) {
            totalCount
            edges {
              node {
                name
              }
            }
          }
          associated: members(membershipType: ASSOCIATED) {
            totalCount
          }
          apps: members(topic: MOBILE_APPS) {
            edges {
              node {
                slug
              }
            }
          }
        }
      `)
      expect(data.ordinary.totalCount).toBe(5)
      const names = data.ordinary.edges.map((edge: Json) => edge.node.name)
      expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)))
      expect(data.associated.totalCount).toBe(0)
      expect(slugs(data.apps).sort()).toEqual(['q-soft', 'weloveapps'])
    })

    it('should answer null for an unknown slug and errors with codes for bad arguments', async () => {
      const { data } = await graphql(`
        {
          project(slug: "no-such-project") {
            slug
          }
        }
      `)
      expect(data.project).toBeNull()
      const tooMany = await graphql(`
        {
          projects(first: 101) {
            totalCount
          }
        }
      `)
      expect(tooMany.errors[0].extensions.code).toBe('BAD_USER_INPUT')
      expect(tooMany.errors[0].message).toMatch(/at most 100/)
      const badCursor = await graphql(`
        {
          projects(after: "not-a-cursor") {
            totalCount
          }
        }
      `)
      expect(badCursor.errors[0].extensions.code).toBe('BAD_USER_INPUT')
      // A forged cursor with a value the database would choke on is refused, not a 500.
      for (const forged of [
        ['not-a-date', 1],
        ['2023-01-01T00:00:00Z', { $gt: 1 }],
        [1, 2, 3],
      ]) {
        const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url')
        const { errors } = await graphql(projectsQuery, { after: cursor })
        expect(errors[0].extensions.code).toBe('BAD_USER_INPUT')
      }
      const badDate = await graphql(`
        {
          events(from: "yesterday") {
            totalCount
          }
        }
      `)
      expect(badDate.errors[0].extensions.code).toBeDefined()
      expect(badDate.errors[0].message).toMatch(/ISO 8601/)
      const badVariable = await graphql(projectsQuery, { first: 'ten' })
      expect(badVariable.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    })

    it('should fall back to German where an English text is missing', async () => {
      await publishProject({ title: 'Nur auf Deutsch', summary: 'Eine deutsche Zusammenfassung' })
      const { data } = await graphql(`
        {
          de: project(slug: "nur-auf-deutsch") {
            title
            summary
          }
          en: project(slug: "nur-auf-deutsch", locale: EN) {
            title
            summary
          }
          translated: project(slug: "efa-app", locale: EN) {
            title
          }
        }
      `)
      expect(data.de).toEqual({
        title: 'Nur auf Deutsch',
        summary: 'Eine deutsche Zusammenfassung',
      })
      expect(data.en).toEqual(data.de)
      expect(data.translated.title).toBe('EFA mobile app')
    })
  })

  describe('pagination', () => {
    const walk = async (onPage?: (page: number) => Promise<void>) => {
      const seen: string[] = []
      let after: string | null = null
      for (let page = 0; page < 50; page += 1) {
        const { data, errors }: Json = await graphql(projectsQuery, { first: 2, after })
        expect(errors).toBeUndefined()
        seen.push(...slugs(data.projects))
        await onPage?.(page)
        if (!data.projects.pageInfo.hasNextPage) return seen
        after = data.projects.pageInfo.endCursor
      }
      throw new Error('the walk did not end')
    }

    it('should walk every project once, with no gap or repeat', async () => {
      const { data } = await graphql(`
        {
          projects(first: 100) {
            totalCount
            edges {
              node {
                slug
              }
            }
          }
        }
      `)
      const seen = await walk()
      expect(seen).toEqual(slugs(data.projects))
      expect(new Set(seen).size).toBe(data.projects.totalCount)
    })

    it('should neither repeat nor skip items while new ones are published during the walk', async () => {
      const before = slugs(
        (
          await graphql(`
            {
              projects(first: 100) {
                edges {
                  node {
                    slug
                  }
                }
              }
            }
          `)
        ).data.projects,
      )
      const seen = await walk(async (page) => {
        if (page === 1) await publishProject({ title: `Neu während des Blätterns ${Date.now()}` })
      })
      expect(seen).toEqual(before)
    })

    it('should walk the merged feed newest first without repeats', async () => {
      const all: string[] = []
      let after: string | null = null
      let total = 0
      for (;;) {
        const { data }: Json = await graphql(
          `
            query ($after: String) {
              feed(first: 3, after: $after) {
                totalCount
                edges {
                  node {
                    __typename
                    ... on Project {
                      slug
                      publishedAt
                    }
                    ... on Event {
                      slug
                      publishedAt
                    }
                    ... on Story {
                      slug
                      publishedAt
                    }
                  }
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
          `,
          { after },
        )
        total = data.feed.totalCount
        all.push(
          ...data.feed.edges.map((edge: Json) => `${edge.node.__typename}:${edge.node.slug}`),
        )
        const dates = data.feed.edges.map((edge: Json) => edge.node.publishedAt)
        expect([...dates].sort().reverse()).toEqual(dates)
        if (!data.feed.pageInfo.hasNextPage) break
        after = data.feed.pageInfo.endCursor
      }
      expect(all).toHaveLength(total)
      expect(new Set(all).size).toBe(total)
      const eventsOnly = await graphql(`
        {
          feed(types: [EVENT], first: 100) {
            totalCount
            edges {
              node {
                __typename
              }
            }
          }
        }
      `)
      expect(eventsOnly.data.feed.totalCount).toBe(10)
      expect(
        eventsOnly.data.feed.edges.every((edge: Json) => edge.node.__typename === 'Event'),
      ).toBe(true)
    })
  })

  describe('published content only', () => {
    const secretWords = ['Geheimer Entwurf', 'Unveröffentlichte Änderung', 'Abgelehnte Geschichte']
    let qsoft: string

    beforeAll(async () => {
      qsoft = await login('qsoft@itnet.example')
      // A draft project, a pending revision of a live one, a rejected and an archived story.
      const draft = await rest(
        'POST',
        '/api/projects',
        { title: secretWords[0], slug: 'geheim' },
        editor,
      )
      expect(draft.status).toBe(201)
      const efa = await rest('GET', '/api/projects?where[slug][equals]=efa-app', undefined, editor)
      const efaId = efa.body.docs[0].id
      const pending = await rest(
        'PATCH',
        `/api/projects/${efaId}?draft=true`,
        { title: secretWords[1], _status: 'draft' },
        editor,
      )
      expect(pending.status).toBe(200)

      const story = async (title: string) => {
        const created = await rest('POST', '/api/stories', { title, project: efaId }, qsoft)
        expect(created.status).toBe(201)
        const id = created.body.doc.id
        expect(
          (await rest('POST', `/api/stories/${id}/workflow`, { transition: 'submit' }, qsoft))
            .status,
        ).toBe(200)
        return id
      }
      const rejected = await story(secretWords[2])
      const decision = await rest(
        'POST',
        `/api/stories/${rejected}/workflow`,
        { transition: 'reject', comment: 'Bitte nicht' },
        editor,
      )
      expect(decision.status).toBe(200)
      const archived = await story('Archivierte Geschichte')
      for (const transition of ['approve', 'archive']) {
        const step = await rest('POST', `/api/stories/${archived}/workflow`, { transition }, editor)
        expect(step.status).toBe(200)
      }
    })

    const everything = `{
      projects(first: 100) { edges { node { slug title summary body { text } } } }
      stories(first: 100) { totalCount edges { node { slug title excerpt } } }
      feed(first: 100) { edges { node { ... on Project { title } ... on Story { title } ... on Event { title } } } }
      members(first: 100) { edges { node { name description { text } } } }
      geheim: project(slug: "geheim") { title }
      efa: project(slug: "efa-app") { title }
      changesSince(since: "2000-01-01T00:00:00Z", first: 100) { edges { node { slug item { ... on Project { title } ... on Story { title } } } } }
    }`

    it('should never show drafts, pending revisions, rejected or archived items, cached or not', async () => {
      for (const attempt of ['uncached', 'cached']) {
        for (const response of [
          await post({ query: everything }),
          await get({ query: everything }),
        ]) {
          const text = await response.text()
          expect(response.status).toBe(200)
          for (const word of [...secretWords, 'Archivierte Geschichte']) {
            expect({ attempt, found: text.includes(word) }).toEqual({ attempt, found: false })
          }
          const body = JSON.parse(text) as Json
          expect(body.data.geheim).toBeNull()
          expect(body.data.efa.title).toBe('Mobile App EFA')
          expect(body.data.stories.totalCount).toBe(0)
        }
      }
    })

    it('should have no field for contacts, e-mail addresses, authors or workflow data', async () => {
      for (const field of ['contact', 'email', 'author', 'workflow', '_status', 'memberSince']) {
        const { errors } = await graphql(`{ members { edges { node { ${field} } } } }`)
        expect(errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
      }
      const story = await graphql(`
        {
          stories {
            edges {
              node {
                author
              }
            }
          }
        }
      `)
      expect(story.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
    })

    it('should show a story once an editor approves it, within a second', async () => {
      const efa = await rest('GET', '/api/projects?where[slug][equals]=efa-app')
      const created = await rest(
        'POST',
        '/api/stories',
        { title: 'EFA im Einsatz', excerpt: 'Wie die App hilft', project: efa.body.docs[0].id },
        qsoft,
      )
      const id = created.body.doc.id
      await rest('POST', `/api/stories/${id}/workflow`, { transition: 'submit' }, qsoft)
      const query = {
        query: `{ stories(project: "efa-app") { edges { node { slug title member { slug } } } } }`,
      }
      const before = await (await get(query)).json()
      expect(before.data.stories.edges).toEqual([])

      const approved = await rest(
        'POST',
        `/api/stories/${id}/workflow`,
        { transition: 'approve' },
        editor,
      )
      expect(approved.status).toBe(200)
      const elapsed = await waitFor(async () => {
        const body = (await (await get(query)).json()) as Json
        return body.data.stories.edges.length === 1
      }, 1000)
      expect(elapsed).toBeLessThan(1000)
      const after = (await (await get(query)).json()) as Json
      expect(after.data.stories.edges[0].node).toEqual({
        slug: 'efa-im-einsatz',
        title: 'EFA im Einsatz',
        member: { slug: 'q-soft' },
      })
    })
  })

  describe('changes for offline sync', () => {
    it('should report created, updated and removed items after an instant', async () => {
      const since = new Date().toISOString()
      const created = await publishProject({ title: 'Synchronisiertes Projekt' })
      const efa = await rest(
        'GET',
        '/api/projects?where[slug][equals]=datensicherheit-healthcare',
        undefined,
        editor,
      )
      const changed = await rest(
        'PATCH',
        `/api/projects/${efa.body.docs[0].id}`,
        { summary: 'Neue Zusammenfassung', _status: 'published' },
        editor,
      )
      expect(changed.status).toBe(200)
      const removed = await rest(
        'PATCH',
        `/api/projects/${created.id}`,
        { _status: 'draft' },
        editor,
      )
      expect(removed.status).toBe(200)
      const fastforward = await rest(
        'GET',
        '/api/projects?where[slug][equals]=fastforward',
        undefined,
        editor,
      )
      expect(
        (await rest('DELETE', `/api/projects/${fastforward.body.docs[0].id}`, undefined, editor))
          .status,
      ).toBe(200)

      const { data } = await graphql(
        `
          query ($since: DateTime!) {
            changesSince(since: $since) {
              totalCount
              edges {
                node {
                  action
                  type
                  slug
                  at
                  item {
                    __typename
                    ... on Project {
                      summary
                    }
                  }
                }
              }
            }
          }
        `,
        { since },
      )
      const changes = Object.fromEntries(
        data.changesSince.edges.map((edge: Json) => [edge.node.slug, edge.node]),
      )
      expect(changes['datensicherheit-healthcare']).toMatchObject({
        action: 'UPDATED',
        type: 'PROJECT',
        item: { __typename: 'Project', summary: 'Neue Zusammenfassung' },
      })
      expect(changes['synchronisiertes-projekt']).toMatchObject({ action: 'REMOVED', item: null })
      expect(changes.fastforward).toMatchObject({ action: 'REMOVED', item: null })
      const ats = data.changesSince.edges.map((edge: Json) => edge.node.at)
      expect([...ats].sort()).toEqual(ats)
      const gone = await graphql(`
        {
          project(slug: "fastforward") {
            slug
          }
        }
      `)
      expect(gone.data.project).toBeNull()
    })
  })

  describe('limits', () => {
    it('should refuse queries deeper than 8 levels', async () => {
      const { status, errors } = await graphql(`
        {
          projects {
            edges {
              node {
                participants {
                  ... on Member {
                    projects {
                      participants {
                        ... on Member {
                          projects {
                            participants {
                              ... on Member {
                                name
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `)
      expect(status).toBe(200)
      expect(errors[0].extensions.code).toBe('QUERY_TOO_DEEP')
    })

    it('should refuse more than 30 aliases', async () => {
      const aliases = Array.from(
        { length: 31 },
        (_, index) => `a${index}: project(slug: "efa-app") { slug }`,
      ).join(' ')
      const { errors } = await graphql(`{ ${aliases} }`)
      expect(errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX')
      const thirty = Array.from(
        { length: 30 },
        (_, index) => `a${index}: project(slug: "efa-app") { slug }`,
      ).join(' ')
      expect((await graphql(`{ ${thirty} }`)).errors).toBeUndefined()
    })

    it('should refuse queries whose cost is too high', async () => {
      const { errors } = await graphql(`
        {
          projects(first: 100) {
            edges {
              node {
                stories {
                  title
                }
                participants {
                  ... on Member {
                    projects {
                      title
                    }
                  }
                }
              }
            }
          }
        }
      `)
      expect(errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX')
      expect(errors[0].message).toMatch(/cost/)
    })

    it('should refuse query text above 8 KB and bodies far above it', async () => {
      const padding = ' '.repeat(8 * 1024)
      const { errors } = await graphql(`{ __typename ${padding} }`)
      expect(errors[0].extensions.code).toBe('QUERY_TOO_LARGE')
      const huge = await post({
        query: `{ __typename }`,
        variables: { pad: 'x'.repeat(64 * 1024) },
      })
      expect(huge.status).toBe(413)
      expect(((await huge.json()) as Json).errors[0].extensions.code).toBe('QUERY_TOO_LARGE')
    })

    it('should answer malformed requests with 400, never 500', async () => {
      const batch = await post('[{"query": "{ __typename }"}]')
      expect(batch.status).toBe(400)
      expect(((await batch.json()) as Json).errors[0].extensions.code).toBe(
        'BATCHING_NOT_SUPPORTED',
      )
      for (const body of ['{"query": ', '[{"query": "{ __typename }"}]', '"just a string"', '{}']) {
        const response = await post(body)
        expect({ body, status: response.status }).toEqual({ body, status: 400 })
        const json = (await response.json()) as Json
        expect(json.errors[0].message.length).toBeGreaterThan(5)
      }
      const wrongType = await fetch(client.url('/api/feed/graphql'), {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{ __typename }',
      })
      expect(wrongType.status).toBe(415)
      const notJson = await get({ query: '{ __typename }', variables: '{oops' })
      expect(notJson.status).toBe(400)
      const unknown = await fetch(client.url('/api/feed/nothing-here'))
      expect(unknown.status).toBe(404)
    })

    it('should hide the schema and spelling hints in production', async () => {
      const introspection = await graphql(`
        {
          __schema {
            types {
              name
            }
          }
        }
      `)
      expect(introspection.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
      const typo = await graphql(`
        {
          projcts {
            totalCount
          }
        }
      `)
      expect(typo.errors[0].message).toMatch(/Cannot query field "projcts"/)
      expect(typo.errors[0].message).not.toMatch(/Did you mean/)
    })

    it('should have no mutations', async () => {
      const { errors } = await graphql(`
        mutation {
          deleteProject(id: 1) {
            id
          }
        }
      `)
      expect(errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
    })
  })

  describe('HTTP caching', () => {
    it('should serve GET with Cache-Control and a strong ETag, and 304 when it matches', async () => {
      const params = { query: `{ projects(first: 3) { edges { node { slug } } } }` }
      const first = await get(params)
      expect(first.status).toBe(200)
      expect(first.headers.get('cache-control')).toBe(
        'public, max-age=60, stale-while-revalidate=300',
      )
      const etag = first.headers.get('etag')!
      expect(etag).toMatch(/^"[^"]+"$/)
      const again = await get(params, { 'if-none-match': etag })
      expect(again.status).toBe(304)
      expect(await again.text()).toBe('')
      const other = await get(params, { 'if-none-match': '"something-else"' })
      expect(other.status).toBe(200)
      expect(other.headers.get('etag')).toBe(etag)
      const posted = await post(params)
      expect(posted.headers.get('cache-control')).toBe('no-store')
    })

    it('should change the ETag when the answer changes', async () => {
      const params = { query: `{ projects(first: 1) { edges { node { slug title } } } }` }
      const before = (await get(params)).headers.get('etag')
      await publishProject({ title: `ETag-Wechsel ${Date.now()}` })
      await waitFor(async () => (await get(params)).headers.get('etag') !== before, 1000)
    })

    it('should run automatic persisted queries', async () => {
      const query = `{ members(first: 1) { edges { node { slug } } } }`
      const hash = sha256(query)
      const extensions = { persistedQuery: { version: 1, sha256Hash: hash } }
      const unknown = (await (await get({ extensions })).json()) as Json
      expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
      const registered = await get({ query, extensions })
      expect(registered.status).toBe(200)
      const byHash = await get({ extensions })
      expect(byHash.status).toBe(200)
      expect(await byHash.json()).toEqual({
        data: { members: { edges: [{ node: { slug: 'honest-consulting' } }] } },
      })
      const mismatch = await get({ query: '{ __typename }', extensions })
      expect(mismatch.status).toBe(400)
      expect(((await mismatch.json()) as Json).errors[0].extensions.code).toBe(
        'PERSISTED_QUERY_HASH_MISMATCH',
      )
    })
  })

  it('should pass the GraphQL-over-HTTP audit with no MUST failure', async () => {
    const results = await Promise.all(
      serverAudits({ url: client.url('/api/feed/graphql') }).map((audit) => audit.fn()),
    )
    const mustFailures = results.filter(
      (result) => result.status !== 'ok' && result.name.startsWith('MUST'),
    )
    expect(
      mustFailures.map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`),
    ).toEqual([])
    const warnings = results.filter((result) => result.status !== 'ok')
    process.stdout.write(
      `graphql-http audit on ${kind.name}: ${results.length} audits, ${warnings.length} not ok:\n` +
        warnings.map((result) => `  ${result.name}`).join('\n') +
        '\n',
    )
  })

  it('should limit requests per client address with 429 and Retry-After', async () => {
    const params = { query: '{ __typename }' }
    let limited: Response | undefined
    for (let sent = 0; sent <= rateLimit + 1 && !limited; sent += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => get(params)))
      limited = batch.find((response) => response.status === 429)
    }
    expect(limited).toBeDefined()
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0)
    const body = (await limited!.json()) as Json
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED')
  })
})

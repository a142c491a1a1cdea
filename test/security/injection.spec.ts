import { testDatabaseKinds } from '../helpers/testDatabases'
import { databaseShape } from './helpers/databaseTables'
import { createLeakFixtures, type LeakFixtures } from './helpers/fixtures'
import { startHub, type Hub, type HubClient, type Json, type Reply } from './helpers/hub'
import { graphqlInternalErrors, probeLog } from './helpers/probes'

/**
 * Injection through query strings, GraphQL arguments and JSON bodies (docs/security.md
 * S21–S25) on SQLite and PostgreSQL: no server error, no row the filter should not match, no
 * draft, no dropped table, no polluted prototype.
 */

const sqlPayloads = [
  "' OR 1=1 --",
  "' OR '1'='1",
  '" OR ""="',
  '"; DROP TABLE projects; --',
  "'; DROP TABLE projects; --",
  '1) OR (1=1',
  "') OR ('a'='a",
  '1 OR 1=1',
  "' UNION SELECT email, hash FROM users --",
  '1; SELECT pg_sleep(3) --',
  "' || (SELECT sqlite_version()) || '",
  "'/*",
  '*/ OR 1=1',
  '\\',
  "\\' OR 1=1 --",
  '\\\\',
  '%',
  '_',
  '%%',
  '%_%',
  "%' OR '1'='1",
  "ü' OR 1=1 --",
  'ʼ OR 1=1 --',
  '＇ OR 1=1 --',
  '\u0000',
  "x\u0000' OR 1=1 --",
  "😀' OR 1=1 --",
  '$1',
  '?',
  '{"$ne": null}',
  'null',
]

type Op = 'equals' | 'not_equals' | 'like' | 'contains' | 'in' | 'not_in'

/** How many of `titles` a filter on the title may match (Payload's semantics, by hand). */
const expectedMatches = (titles: string[], op: Op, value: string): number | undefined => {
  const lower = value.toLowerCase()
  // In like/contains, % and _ are the database's own wildcards (Payload does not escape them)
  // and NUL ends a C string: such a value may match any readable row. That reads nothing
  // beyond the caller's rights; checkList still refuses drafts and extra rows.
  if ((op === 'like' || op === 'contains') && (/[%_]/.test(value) || value.includes('\u0000'))) {
    return undefined
  }
  switch (op) {
    case 'equals':
      return titles.filter((title) => title === value).length
    case 'contains':
      return titles.filter((title) => title.toLowerCase().includes(lower)).length
    case 'like': {
      const words = lower.split(/\s+/).filter(Boolean)
      return titles.filter((title) => words.every((word) => title.toLowerCase().includes(word)))
        .length
    }
    case 'in':
      return titles.filter((title) => value.split(',').includes(title)).length
    default:
      return undefined
  }
}

const statusOf = (reply: Reply) => reply.status

describe.each(testDatabaseKinds())('injection on $name', (kind) => {
  let hub: Hub
  let client: HubClient
  let fx: LeakFixtures
  let titles: string[]
  let published: number
  let markers: string[]

  beforeAll(async () => {
    hub = await startHub(kind)
    client = hub.client
    fx = await createLeakFixtures(client)
    markers = [...Object.values(fx.markers), ...Object.values(fx.tecartMarkers)]
    const list = await client.get('/api/projects?limit=100&depth=0')
    titles = list.json!.docs.map((doc: Json) => doc.title as string)
    published = list.json!.totalDocs
  }, 300_000)

  afterAll(async () => {
    await hub?.stop()
  })

  /** A list answer that is fine: a client error, or published projects only. */
  const checkList = (log: ReturnType<typeof probeLog>, door: string, reply: Reply) => {
    log.check(door, reply)
    if (reply.status === 200 && Array.isArray(reply.json?.docs)) {
      const drafts = (reply.json!.docs as Json[]).filter(
        (doc) => doc._status && doc._status !== 'published',
      )
      if (drafts.length) log.leaks.push({ door, status: 200, detail: `${drafts.length} drafts` })
      if (reply.json!.totalDocs > published)
        log.leaks.push({
          door,
          status: 200,
          detail: `${reply.json!.totalDocs} > ${published} rows`,
        })
    }
  }

  it('[S21] SQL injection in where values and field paths finds nothing extra and breaks nothing', async () => {
    const before = await databaseShape(kind, hub.database.uri)
    const log = probeLog(markers)
    const extra: string[] = []
    for (const payload of sqlPayloads) {
      const value = encodeURIComponent(payload)
      for (const op of ['equals', 'not_equals', 'like', 'contains', 'in', 'not_in'] as Op[]) {
        const path = `/api/projects?limit=100&depth=0&draft=true&where[title][${op}]=${value}`
        const reply = await client.get(path)
        checkList(log, `GET ${path}`, reply)
        const expected = expectedMatches(titles, op, payload)
        if (reply.status === 200 && expected !== undefined && reply.json?.totalDocs !== expected) {
          extra.push(
            `${op} ${JSON.stringify(payload)}: ${reply.json?.totalDocs} rows, expected ${expected}`,
          )
        }
        if (reply.status >= 400 && reply.status < 500 && !reply.json?.errors?.[0]?.message) {
          extra.push(`${op} ${JSON.stringify(payload)}: ${reply.status} without a message`)
        }
      }
      // Other column types, relationships, arrays, rich text (JSON) and the users table.
      for (const path of [
        `/api/projects?where[id][equals]=${value}`,
        `/api/projects?where[id][in]=1,${value}`,
        `/api/projects?where[startDate][greater_than]=${value}`,
        `/api/projects?where[status][equals]=${value}`,
        `/api/projects?where[participants][in]=${value}`,
        `/api/projects?where[participants.value][equals]=${value}`,
        `/api/projects?where[links.url][equals]=${value}`,
        `/api/projects?where[body][like]=${value}`,
        `/api/projects?where[body.root.children.children.text][like]=${value}`,
        `/api/projects?where[slug][exists]=${value}`,
        `/api/stories?where[member.name][like]=${value}`,
        `/api/stories?where[project.title][equals]=${value}`,
        `/api/users?where[email][like]=${value}`,
      ]) {
        checkList(log, `GET ${path}`, await client.get(path))
      }
      const graphql = await client.graphql(
        `query ($v: String) {
          a: Projects(draft: true, where: { title: { equals: $v } }) { totalDocs }
          b: Projects(draft: true, where: { title: { like: $v } }) { totalDocs }
          c: Projects(draft: true, where: { title: { contains: $v } }) { totalDocs }
          d: Projects(draft: true, where: { title: { in: [$v] } }) { totalDocs }
          e: Projects(draft: true, where: { slug: { not_equals: $v } }) { totalDocs docs { _status } }
        }`,
        { v: payload },
      )
      log.check('graphql where', graphql)
      for (const error of graphqlInternalErrors(graphql)) {
        log.serverErrors.push({ door: `graphql where ${payload}`, status: 200, detail: error })
      }
      const data = graphql.json?.data
      if (data) {
        const got = [data.a, data.b, data.c, data.d].map((answer: Json | null) => answer?.totalDocs)
        const want = (['equals', 'like', 'contains', 'in'] as Op[]).map((op) =>
          expectedMatches(titles, op, payload),
        )
        // An unspecified expectation (undefined) accepts any count; a refused alias (an error
        // instead of data, e.g. PostgreSQL and U+0000) has none to compare.
        const differs = (count: unknown, n: number) =>
          want[n] !== undefined && count !== undefined && count !== want[n]
        if (got.some(differs)) {
          extra.push(`graphql ${JSON.stringify(payload)}: ${got} rows, expected ${want}`)
        }
        if (data.e?.totalDocs > published)
          extra.push(`graphql not_equals ${JSON.stringify(payload)}`)
      }
      const feed = await client.feed(
        `query ($v: String!) { project(slug: $v) { slug } projects(member: $v) { totalCount }
          stories(project: $v, member: $v) { totalCount } }`,
        { v: payload },
      )
      log.check('feed filters', feed)
      for (const error of graphqlInternalErrors(feed)) {
        log.serverErrors.push({ door: `feed ${payload}`, status: feed.status, detail: error })
      }
      if (feed.json?.data && (feed.json.data.project || feed.json.data.projects.totalCount))
        extra.push(`feed ${JSON.stringify(payload)} matched`)
    }
    // Field paths built to break out of the quoting.
    for (const field of [
      "title' OR 1=1 --",
      'title" OR 1=1 --',
      'title) OR (1=1',
      'title;DROP TABLE projects',
      "body.root') OR 1=1 --",
      'body.a"b',
      "body.root.children[0]'--",
      '_status" --',
      'participants.value) OR (1=1',
      "version.title' --",
    ]) {
      const path = `/api/projects?limit=100&draft=true&where[${encodeURIComponent(field)}][equals]=x`
      const reply = await client.get(path)
      checkList(log, `GET ${path}`, reply)
      // A path Payload cannot resolve inside rich-text JSON may be ignored on SQLite (every
      // readable row comes back): no injection, and checkList holds it to published rows.
      if (reply.status === 200 && reply.json?.totalDocs !== 0 && !field.startsWith('body.')) {
        extra.push(`path ${JSON.stringify(field)}: ${reply.json?.totalDocs} rows`)
      }
    }
    console.log(`[security] S21 injection requests tried: ${log.tried}`)
    expect({ serverErrors: log.serverErrors, leaks: log.leaks, extra }).toEqual({
      serverErrors: [],
      leaks: [],
      extra: [],
    })
    expect(await databaseShape(kind, hub.database.uri)).toEqual(before)
    expect((await client.get('/api/projects?limit=100&depth=0')).json?.totalDocs).toBe(published)
  })

  it('[S22] SQL injection in sort is refused or ignored, never a server error or a leak', async () => {
    const before = await databaseShape(kind, hub.database.uri)
    const log = probeLog(markers)
    const sorts = [
      'title;DROP TABLE projects',
      'title; DROP TABLE projects; --',
      '-(select 1)',
      '-(SELECT email FROM users LIMIT 1)',
      'title,(select 1)',
      "title' --",
      'title"',
      'title desc',
      'CASE WHEN 1=1 THEN title ELSE slug END',
      'nonexistent',
      '-nonexistent.deeper',
      '1',
      '-_status',
      'body.root.children',
      'participants.value',
      'title%00',
      '__proto__',
      'constructor.prototype',
      '',
      ',',
      '--',
    ]
    for (const sort of sorts) {
      for (const collection of ['projects', 'stories', 'members']) {
        const path = `/api/${collection}?limit=100&depth=0&draft=true&sort=${encodeURIComponent(sort)}`
        const reply = await client.get(path)
        if (collection === 'projects') checkList(log, `GET ${path}`, reply)
        else log.check(`GET ${path}`, reply)
      }
      const graphql = await client.graphql(
        'query ($s: String) { Projects(sort: $s, draft: true) { totalDocs docs { title } } }',
        {
          s: sort,
        },
      )
      log.check(`graphql sort ${sort}`, graphql)
      for (const error of graphqlInternalErrors(graphql)) {
        log.serverErrors.push({ door: `graphql sort ${sort}`, status: 200, detail: error })
      }
    }
    // Sorting by a field the caller may not read tells nothing: the hidden contact.
    const order = async (sort: string) =>
      (await client.get(`/api/members?limit=100&depth=0&sort=${sort}`)).json?.docs?.map(
        (doc: Json) => doc.id,
      )
    expect(await order('contact.email')).toEqual(await order('-contact.email'))
    for (const sort of ['sort[]=title', 'sort[0]=title&sort[1]=-slug', 'sort[title]=1']) {
      checkList(log, `GET ?${sort}`, await client.get(`/api/projects?draft=true&${sort}`))
    }
    console.log(`[security] S22 sort requests tried: ${log.tried}`)
    expect({ serverErrors: log.serverErrors, leaks: log.leaks }).toEqual({
      serverErrors: [],
      leaks: [],
    })
    expect(await databaseShape(kind, hub.database.uri)).toEqual(before)
  })

  it('[S23] locale injection is refused or ignored, never a server error', async () => {
    const log = probeLog(markers)
    const locales = [
      "de'--",
      "de' OR 1=1 --",
      '__proto__',
      'constructor',
      'toString',
      'all',
      'xx',
      'de%00',
      'en"; DROP TABLE projects; --',
      '*',
      '',
    ]
    for (const locale of locales) {
      const value = encodeURIComponent(locale)
      for (const path of [
        `/api/projects?limit=100&draft=true&locale=${value}`,
        `/api/projects?limit=100&draft=true&locale=en&fallback-locale=${value}`,
        `/api/projects?limit=100&fallback-locale=${value}`,
        `/api/projects/${fx.ids.pendingProject}?draft=true&locale=${value}`,
        `/api/stories?draft=true&locale=${value}&fallback-locale=${value}`,
        `/api/members/${fx.ids.qsoftOrg}?draft=true&locale=${value}`,
        `/api/feed/rss.xml?locale=${value}`,
        `/api/feed/feed.json?locale=${value}`,
      ]) {
        const reply = await client.get(path)
        if (path.startsWith('/api/projects?')) checkList(log, `GET ${path}`, reply)
        else log.check(`GET ${path}`, reply)
      }
      const feed = await client.feed(
        'query ($l: Locale!) { projects(locale: $l) { totalCount } }',
        { l: locale },
      )
      log.check(`feed locale ${locale}`, feed)
      for (const error of graphqlInternalErrors(feed)) {
        log.serverErrors.push({ door: `feed locale ${locale}`, status: feed.status, detail: error })
      }
    }
    for (const query of [
      'locale[]=de',
      'locale[0]=de&locale[1]=en',
      'locale[__proto__]=x',
      'fallback-locale[]=de',
    ]) {
      checkList(log, `GET ?${query}`, await client.get(`/api/projects?draft=true&${query}`))
    }
    for (const literal of ['zz', '__proto__', 'all', 'de']) {
      for (const query of [
        `{ Projects(locale: ${literal}, draft: true) { totalDocs docs { title summary } } }`,
        `{ Projects(fallbackLocale: ${literal}, draft: true) { docs { title summary } } }`,
      ]) {
        const reply = log.check(`graphql ${query}`, await client.graphql(query))
        for (const error of graphqlInternalErrors(reply)) {
          log.serverErrors.push({ door: query, status: 200, detail: error })
        }
      }
    }
    console.log(`[security] S23 locale requests tried: ${log.tried}`)
    expect({ serverErrors: log.serverErrors, leaks: log.leaks }).toEqual({
      serverErrors: [],
      leaks: [],
    })
  })

  it('[S24] operator injection never reveals drafts or crashes the query', async () => {
    const log = probeLog(markers)
    const { draftProject, pendingProject, draftEvent, draftMember } = fx.markers
    const memberLog = probeLog([
      draftProject,
      pendingProject,
      draftEvent,
      draftMember,
      ...Object.values(fx.tecartMarkers),
    ])
    const draftId = fx.ids.draftProject
    const queries = [
      'where[title][$ne]=',
      'where[title][$ne]=null',
      'where[title][$regex]=.*',
      'where[$where]=1',
      'where[title][foo]=1',
      'where[title][equals][$ne]=null',
      'where[title][equals][0]=a&where[title][equals][1]=b',
      'where[title][equals][a][b][c]=1',
      'where[title][in][a]=1',
      'where[title]=x',
      'where=x',
      'where[]=x',
      'where[0]=x',
      'where[_status][not_equals]=published',
      'where[_status][equals]=draft',
      'where[_status][in]=draft',
      'where[_status][exists]=false',
      'where[_status][like]=dra',
      'where[_status][not_in]=published',
      'where[or][0][_status][not_equals]=published',
      'where[or][0][_status][equals]=draft&where[or][1][_status][equals]=published',
      'where[and][0][_status][equals]=draft',
      'where[or][0][and][0][_status][equals]=draft',
      'where[OR][0][_status][equals]=draft',
      `where[id][equals]=${draftId}`,
      `where[id][in]=${draftId}`,
      `where[id][not_equals]=0&where[_status][not_equals]=published`,
      'where[_status][not_equals][]=published',
      'where[_status][not_equals][$ne]=published',
      'where[or][__proto__][_status][equals]=draft',
      'where[or]=draft',
      'where[title][exists]=true&where[_status][exists]=true',
      'where[version._status][equals]=draft',
      'where[workflow.state][equals]=draft',
    ]
    for (const query of queries) {
      for (const draft of ['', '&draft=true']) {
        for (const collection of ['projects', 'stories', 'members', 'events']) {
          const path = `/api/${collection}?limit=100&depth=0&${query}${draft}`
          const reply = await client.get(path)
          if (collection === 'projects') checkList(log, `GET ${path}`, reply)
          else log.check(`GET ${path}`, reply)
        }
        log.check(`count ${query}`, await client.get(`/api/projects/count?${query}${draft}`))
      }
      // A member asking for "anything not published" gets its own organisation's only: Q-SOFT's
      // own drafts and pending profile are its to see, the editors' and TecArt's are not.
      memberLog.check(
        `member ${query}`,
        await client.get(`/api/projects?${query}&draft=true`, fx.tokens.qsoft),
      )
    }
    log.leaks.push(...memberLog.leaks)
    log.serverErrors.push(...memberLog.serverErrors)
    const member = await client.get(
      `/api/stories?limit=100&draft=true&where[member][not_equals]=${fx.ids.qsoftOrg}&where[_status][not_equals]=published`,
      fx.tokens.qsoft,
    )
    expect([member.status, member.json?.totalDocs]).toEqual([200, 0])
    const anonymousDrafts = await client.get(
      '/api/projects?draft=true&where[_status][equals]=draft',
    )
    expect([anonymousDrafts.status, anonymousDrafts.json?.totalDocs]).toEqual([200, 0])
    for (const where of [
      '{ _status: { not_equals: published } }',
      '{ OR: [{ _status: { equals: draft } }, { id: { equals: 0 } }] }',
      `{ AND: [{ id: { equals: ${draftId} } }] }`,
      '{ _status: { exists: false } }',
      '{ title: { not_equals: null } }',
    ]) {
      const query = `{ Projects(draft: true, where: ${where}) { totalDocs docs { title summary _status } } }`
      const reply = log.check(`graphql ${query}`, await client.graphql(query))
      for (const error of graphqlInternalErrors(reply)) {
        log.serverErrors.push({ door: query, status: 200, detail: error })
      }
      const docs = (reply.json?.data?.Projects?.docs ?? []) as Json[]
      if (docs.some((doc) => doc._status !== 'published'))
        log.leaks.push({ door: query, status: 200, detail: 'draft returned' })
    }
    // JSON-typed where through GraphQL variables: objects where scalars belong.
    const variables = await client.graphql(
      'query ($w: Project_where) { Projects(draft: true, where: $w) { totalDocs docs { _status } } }',
      { w: { _status: { not_equals: { $ne: null } } } },
    )
    log.check('graphql variables', variables)
    expect(graphqlInternalErrors(variables)).toEqual([])
    console.log(`[security] S24 operator requests tried: ${log.tried}`)
    expect({ serverErrors: log.serverErrors, leaks: log.leaks }).toEqual({
      serverErrors: [],
      leaks: [],
    })
  })

  it('[S25] prototype pollution through bodies and query strings pollutes nothing', async () => {
    const { tokens, ids } = fx
    const log = probeLog([])
    const pollutingBodies: unknown[] = [
      '{"__proto__": {"polluted": "yes", "_status": "published"}, "name": "Proto A", "slug": "proto-a"}',
      '{"constructor": {"prototype": {"polluted": "yes", "_status": "published"}}, "name": "Proto B", "slug": "proto-b"}',
      '{"name": "Proto C", "slug": "proto-c", "links": [{"__proto__": {"polluted": "yes"}}]}',
      '{"name": {"__proto__": {"polluted": "yes"}}, "slug": "proto-d"}',
    ]
    for (const body of pollutingBodies) {
      log.check(
        'POST partners',
        await client.request('POST', '/api/partners', { body, token: tokens.editor }),
      )
      log.check(
        'PATCH own story',
        await client.request('PATCH', `/api/stories/${ids.draftStory}`, {
          body: (body as string).replace(/"name"/g, '"excerpt"').replace(/"slug": "[^"]*", ?/, ''),
          token: tokens.qsoft,
        }),
      )
      log.check(
        'PATCH self',
        await client.request(
          'PATCH',
          `/api/users/${(await client.get('/api/users/me', tokens.qsoft)).json?.user.id}`,
          {
            body: '{"__proto__": {"role": "admin", "polluted": "yes"}, "constructor": {"prototype": {"role": "admin"}}}',
            token: tokens.qsoft,
          },
        ),
      )
      log.check(
        'POST workflow',
        await client.request('POST', `/api/stories/${ids.draftStory}/workflow`, {
          body: '{"__proto__": {"transition": "approve"}}',
          token: tokens.qsoft,
        }),
      )
      log.check(
        'graphql',
        await client.request('POST', '/api/graphql', {
          body: '{"query": "{ Projects { totalDocs } }", "variables": {"__proto__": {"polluted": "yes"}}, "__proto__": {"polluted": "yes"}}',
        }),
      )
      log.check(
        'feed',
        await client.request('POST', '/api/feed/graphql', {
          body: '{"query": "query ($first: Int) { projects(first: $first) { totalCount } }", "variables": {"__proto__": {"first": 1, "polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}}',
        }),
      )
    }
    for (const query of [
      'where[__proto__][polluted]=1',
      'where[constructor][prototype][polluted]=1',
      '__proto__[polluted]=1',
      '__proto__[_status]=published',
      'constructor[prototype][polluted]=1',
      'where[title][__proto__][polluted]=1',
      'where[or][0][__proto__][polluted]=1',
      'select[__proto__][polluted]=true',
      'populate[__proto__][polluted]=true',
      'sort[__proto__]=1',
      'depth[__proto__]=1',
      'draft[__proto__]=1',
    ]) {
      checkList(log, `GET ?${query}`, await client.get(`/api/projects?${query}`))
      log.check(
        `PATCH ?${query}`,
        await client.request('PATCH', `/api/stories?${query}&where[id][equals]=${ids.draftStory}`, {
          body: { excerpt: 'Proto' },
          token: tokens.qsoft,
        }),
      )
    }
    log.check(
      'feed GET',
      await client.get(
        '/api/feed/graphql?query=%7B%20projects%20%7B%20totalCount%20%7D%20%7D&__proto__[polluted]=1&variables=%7B%22__proto__%22%3A%7B%22polluted%22%3A1%7D%7D',
      ),
    )
    console.log(`[security] S25 pollution attempts tried: ${log.tried}`)
    // This process: nothing parsed from the answers polluted it.
    expect(({} as Json).polluted).toBeUndefined()
    expect(({} as Json)._status).toBeUndefined()
    // The server: were Object.prototype._status "published", a member's plain edit would be
    // refused as a publication and plain objects would carry `polluted` into answers.
    const edit = await client.request('PATCH', `/api/stories/${ids.draftStory}`, {
      body: { excerpt: 'Nach dem Angriff' },
      token: tokens.qsoft,
    })
    expect([edit.status, edit.json?.doc?.excerpt, edit.json?.doc?._status]).toEqual([
      200,
      'Nach dem Angriff',
      'draft',
    ])
    expect(edit.text).not.toContain('polluted')
    expect((await client.get(`/api/stories/${ids.draftStory}`)).status).toBe(404)
    const me = await client.get('/api/users/me', await client.login('qsoft@itnet.example'))
    expect(me.json?.user.role).toBe('member')
    const partners = await client.get('/api/partners?limit=100&where[slug][like]=proto')
    for (const doc of (partners.json?.docs ?? []) as Json[]) {
      expect(Object.keys(doc)).not.toContain('polluted')
      expect(doc._status).toBeUndefined()
    }
    expect(statusOf(await client.get('/readyz'))).toBe(200)
    expect(log.serverErrors).toEqual([])
  })
})

import { createLeakFixtures, type LeakFixtures } from './helpers/fixtures'
import { leakedMarkers, startHub, type Hub, type HubClient, type Json } from './helpers/hub'
import { graphqlInternalErrors, probeLog } from './helpers/probes'
import { testDatabaseKinds } from '../helpers/testDatabases'

/**
 * Attacks on who sees and who writes what (docs/security.md S01–S05), against the production
 * server over HTTP. Every refused write is followed by a re-read of the store.
 */

type Id = number | string
type Collection = 'projects' | 'stories' | 'members' | 'events'

/** Text fields that carry the fixtures' markers, per collection (for `like` oracles). */
const textFields: Record<Collection, string[]> = {
  projects: ['title', 'summary'],
  stories: ['title', 'excerpt'],
  members: ['name', 'city'],
  events: ['title'],
}

const feedListQuery = `query ($locale: Locale!) {
  projects(first: 100, locale: $locale) { totalCount edges { node { slug title summary
    participants { __typename ... on Member { slug name city } ... on Partner { slug name } }
    stories { slug title excerpt member { slug name city } } } } }
  stories(first: 100, locale: $locale) { edges { node { slug title excerpt
    member { slug name city projects { slug title summary } } project { slug title summary } } } }
  members(first: 100, locale: $locale) { edges { node { slug name city projects { slug title summary } } } }
  events(first: 100, locale: $locale) { edges { node { slug title } } }
  feed(first: 100, locale: $locale) { edges { node { __typename
    ... on Project { slug title summary } ... on Story { slug title excerpt member { name city } }
    ... on Event { slug title } } } }
  changesSince(since: "2000-01-01T00:00:00Z", first: 100, locale: $locale) { edges { node {
    slug type item { __typename ... on Project { title summary } ... on Story { title excerpt }
    ... on Member { name city } ... on Event { title } } } } }
}`

const feedBySlugQuery = `query ($slug: String!, $locale: Locale!) {
  project(slug: $slug, locale: $locale) { slug title summary participants { __typename ... on Member { name city } } stories { title excerpt } }
  story(slug: $slug, locale: $locale) { slug title excerpt member { name city } }
  member(slug: $slug, locale: $locale) { slug name city projects { title summary } }
  event(slug: $slug, locale: $locale) { slug title }
}`

/** Payload GraphQL read queries over every collection, drafts asked for. */
const payloadGraphqlReads = (fx: LeakFixtures): string[] => {
  const ids = fx.ids
  const lists = [
    `{ Projects(limit: 100, draft: true) { totalDocs docs { id title summary slug _status
        participants { relationTo value { ... on Member { name city slug } } } } } }`,
    `{ Stories(limit: 100, draft: true) { totalDocs docs { id title excerpt slug
        member { name city contact { person email } } project { title summary } } } }`,
    `{ Members(limit: 100, draft: true) { totalDocs docs { id name city slug contact { person email } } } }`,
    `{ Events(limit: 100, draft: true) { totalDocs docs { id title slug } } }`,
    `{ Projects(limit: 100, where: { _status: { equals: draft } }) { docs { title summary } } }`,
    `{ Stories(limit: 100, draft: true, where: { _status: { not_equals: published } }) { docs { title excerpt } } }`,
    `{ countProjects(draft: true) { totalDocs } countStories(draft: true) { totalDocs }
       countMembers(draft: true) { totalDocs } countEvents(draft: true) { totalDocs } }`,
    `{ versionsProjects(limit: 100) { docs { id version { title summary } } } }`,
    `{ versionsStories(limit: 100) { docs { id version { title excerpt } } } }`,
    `{ versionsMembers(limit: 100) { docs { id version { name city contact { person email } } } } }`,
    `{ versionsEvents(limit: 100) { docs { id version { title } } } }`,
    `{ WorkflowEvents(limit: 100) { docs { comment collection document } } }`,
  ]
  const byId = [
    ...[ids.draftProject, ids.pendingProject].map(
      (id) =>
        `{ Project(id: ${id}, draft: true) { title summary participants { value { ... on Member { name city } } } } }`,
    ),
    ...[ids.draftStory, ids.pendingStory, ids.hiddenOrgStory, ids.tecartDraftStory].map(
      (id) => `{ Story(id: ${id}, draft: true) { title excerpt member { name city } } }`,
    ),
    ...[ids.draftMember, ids.qsoftOrg, ids.tecartOrg].map(
      (id) => `{ Member(id: ${id}, draft: true) { name city contact { person email } } }`,
    ),
    `{ Event(id: ${ids.draftEvent}, draft: true) { title } }`,
  ]
  const versionById = (Object.keys(fx.versionIds) as Collection[]).flatMap((collection) => {
    const single = { projects: 'Project', stories: 'Story', members: 'Member', events: 'Event' }[
      collection
    ]
    return fx.versionIds[collection].map(
      (id) =>
        `{ version${single}(id: ${JSON.stringify(id)}) { id version { ${textFields[collection].join(' ')} } } }`,
    )
  })
  return [...lists, ...byId, ...versionById]
}

/** Every REST door of the four collections: lists, drafts, counts, versions, filters, select. */
const restReads = (fx: LeakFixtures, options: { workflow: boolean }): string[] => {
  const ids: Record<Collection, Id[]> = {
    projects: [fx.ids.draftProject, fx.ids.pendingProject, fx.ids.efaProject],
    stories: [
      fx.ids.draftStory,
      fx.ids.pendingStory,
      fx.ids.hiddenOrgStory,
      fx.ids.tecartDraftStory,
      fx.ids.tecartReviewedStory,
    ],
    members: [fx.ids.draftMember, fx.ids.qsoftOrg, fx.ids.tecartOrg],
    events: [fx.ids.draftEvent],
  }
  const paths: string[] = [
    '/api/workflow-events?limit=100',
    '/api/workflow-events?depth=2&where[comment][exists]=true',
  ]
  for (const collection of Object.keys(ids) as Collection[]) {
    const base = `/api/${collection}`
    const select = textFields[collection].map((field) => `select[${field}]=true`).join('&')
    paths.push(
      `${base}?limit=100&depth=3`,
      `${base}?limit=100&depth=3&draft=true`,
      `${base}?limit=100&draft=true&locale=all`,
      `${base}?limit=100&draft=true&locale=en&fallback-locale=de`,
      `${base}?limit=100&draft=true&${select}`,
      `${base}?limit=100&draft=true&trash=true`,
      `${base}?limit=100&draft=true&where[_status][equals]=draft`,
      `${base}?limit=100&draft=true&where[_status][not_equals]=published`,
      `${base}?limit=100&draft=true&where[_status][in]=draft,published`,
      `${base}?limit=100&draft=true&where[or][0][_status][equals]=draft&where[or][1][id][exists]=true`,
      `${base}?limit=100&draft=true&pagination=false`,
      `${base}/count`,
      `${base}/count?draft=true`,
      `${base}/versions?limit=100&depth=2`,
      `${base}/versions?limit=100&draft=true&locale=all`,
      `${base}/versions?limit=100&where[version._status][equals]=draft`,
    )
    for (const id of ids[collection]) {
      paths.push(
        `${base}/${id}`,
        `${base}/${id}?draft=true`,
        `${base}/${id}?draft=true&locale=all&depth=3`,
        `${base}?draft=true&where[id][equals]=${id}`,
        `${base}/versions?where[parent][equals]=${id}&limit=100`,
      )
      if (options.workflow && (collection === 'stories' || collection === 'members')) {
        paths.push(`${base}/${id}/workflow`)
      }
    }
    for (const id of fx.versionIds[collection]) {
      paths.push(`${base}/versions/${id}`, `${base}/versions/${id}?depth=2&locale=all`)
    }
  }
  // A live project and live stories pointing to the draft organisation, populated.
  paths.push(
    `/api/projects/${fx.ids.pendingProject}?depth=3&locale=all`,
    `/api/projects?where[id][equals]=${fx.ids.pendingProject}&depth=3&select[participants]=true`,
    `/api/stories/${fx.ids.hiddenOrgStory}?depth=3`,
    `/api/stories?depth=3&where[project][equals]=${fx.ids.efaProject}&limit=100`,
    `/api/stories?depth=2&populate[members][name]=true&populate[members][city]=true&limit=100`,
  )
  return paths
}

/** `like` oracles: counting documents whose unpublished text contains a marker. */
const likeOracles = (markers: string[]): string[] =>
  (Object.keys(textFields) as Collection[]).flatMap((collection) =>
    markers.map(
      (marker) =>
        `/api/${collection}/count?draft=true&` +
        textFields[collection]
          .map((field, n) => `where[or][${n}][${field}][like]=${encodeURIComponent(marker)}`)
          .join('&'),
    ),
  )

/** What the store holds for a document, as an admin reads it (latest version, every locale). */
const storedState = async (client: HubClient, token: string, collection: string, id: Id) => {
  const doc = await client.get(`/api/${collection}/${id}?draft=true&locale=all&depth=0`, token)
  const live = await client.get(`/api/${collection}/${id}?locale=all&depth=0`, token)
  const versions = await client.get(
    `/api/${collection}/versions?where[parent][equals]=${id}&limit=0&depth=0`,
    token,
  )
  return {
    status: doc.status,
    latest: doc.json,
    live: live.json,
    versions: versions.json?.totalDocs as number,
  }
}

const totals = async (client: HubClient, token: string) => {
  const count = async (path: string) => (await client.get(path, token)).json?.totalDocs as number
  return {
    stories: await count('/api/stories/count?draft=true'),
    members: await count('/api/members/count?draft=true'),
    users: await count('/api/users/count'),
    storyVersions: await count('/api/stories/versions?limit=1'),
    memberVersions: await count('/api/members/versions?limit=1'),
    workflowEvents: await count('/api/workflow-events?limit=1'),
  }
}

describe.each(testDatabaseKinds())('content exposure and ownership on $name', (kind) => {
  let hub: Hub
  let client: HubClient
  let fx: LeakFixtures

  beforeAll(async () => {
    hub = await startHub(kind)
    client = hub.client
    fx = await createLeakFixtures(client)
  }, 300_000)

  afterAll(async () => {
    await hub?.stop()
  })

  const allMarkers = () => [...Object.values(fx.markers), ...Object.values(fx.tecartMarkers)]

  it('[S01] the markers are really stored: the editors and the owners read them', async () => {
    const { tokens, ids, markers: m, tecartMarkers: t } = fx
    const seen = async (path: string, token: string) => (await client.get(path, token)).text
    expect(await seen(`/api/projects/${ids.draftProject}?draft=true`, tokens.editor)).toContain(
      m.draftProject,
    )
    expect(await seen(`/api/projects/${ids.pendingProject}?draft=true`, tokens.editor)).toContain(
      m.pendingProject,
    )
    expect(await seen(`/api/events/${ids.draftEvent}?draft=true`, tokens.editor)).toContain(
      m.draftEvent,
    )
    expect(await seen(`/api/members/${ids.draftMember}?draft=true`, tokens.editor)).toContain(
      m.draftMember,
    )
    expect(await seen(`/api/stories/${ids.draftStory}?draft=true`, tokens.qsoft)).toContain(
      m.draftStory,
    )
    expect(await seen(`/api/stories/${ids.pendingStory}?draft=true`, tokens.qsoft)).toContain(
      m.pendingStory,
    )
    expect(await seen(`/api/members/${ids.qsoftOrg}?draft=true`, tokens.qsoft)).toContain(
      m.pendingProfile,
    )
    expect(await seen(`/api/stories/${ids.tecartDraftStory}?draft=true`, tokens.tecart)).toContain(
      t.draftStory,
    )
    const tecartOrg = await seen(`/api/members/${ids.tecartOrg}?draft=true`, tokens.tecart)
    expect(tecartOrg).toContain(t.pendingCity)
    expect(tecartOrg).toContain(t.contact)
    expect(await seen(`/api/stories/${ids.tecartReviewedStory}/workflow`, tokens.tecart)).toContain(
      t.reviewComment,
    )
    // The GraphQL probes below are valid queries: an editor gets every marker through them.
    let editorView = ''
    for (const query of payloadGraphqlReads(fx)) {
      const reply = await client.graphql(query, undefined, tokens.editor)
      expect([query, reply.status, reply.json?.errors]).toEqual([query, 200, undefined])
      editorView += reply.text
    }
    expect(leakedMarkers(editorView, allMarkers()).sort()).toEqual(allMarkers().sort())
    // The live versions are public, so the doors below do return content.
    const live = await client.get(`/api/stories/${ids.pendingStory}`)
    expect([live.status, live.json?.excerpt]).toEqual([200, 'öffentlich'])
    expect((await client.get(`/api/stories/${ids.hiddenOrgStory}`)).status).toBe(200)
    expect((await client.get(`/api/projects/${ids.pendingProject}`)).json?.summary).toBe(
      'öffentlich',
    )
  })

  it('[S01] anonymous never sees a draft or pending revision through any REST door', async () => {
    const log = probeLog(allMarkers())
    for (const path of [...restReads(fx, { workflow: true }), ...likeOracles(allMarkers())]) {
      log.check(`GET ${path}`, await client.get(path))
    }
    for (const path of likeOracles(allMarkers())) {
      const reply = await client.get(path)
      if (reply.status === 200 && reply.json?.totalDocs !== 0) {
        log.leaks.push({
          door: `GET ${path}`,
          status: 200,
          detail: `counted ${reply.json?.totalDocs}`,
        })
      }
    }
    // Counting with drafts asked for counts the published documents only.
    for (const collection of Object.keys(textFields)) {
      const listed = (await client.get(`/api/${collection}?limit=1`)).json?.totalDocs
      const counted = (await client.get(`/api/${collection}/count?draft=true`)).json?.totalDocs
      expect([collection, counted]).toEqual([collection, listed])
    }
    for (const path of [
      `/api/stories/${fx.ids.draftStory}`,
      `/api/projects/${fx.ids.draftProject}?draft=true`,
    ]) {
      expect((await client.get(path)).status).toBe(404)
    }
    console.log(`[security] S01 REST doors tried: ${log.tried}`)
    expect(log.serverErrors).toEqual([])
    expect(log.leaks).toEqual([])
  })

  it('[S01] anonymous never sees a draft through Payload GraphQL (lists, by id, versions)', async () => {
    const log = probeLog(allMarkers())
    for (const query of payloadGraphqlReads(fx)) {
      const reply = log.check(`graphql ${query}`, await client.graphql(query))
      const internal = graphqlInternalErrors(reply)
      if (internal.length)
        log.serverErrors.push({ door: query, status: reply.status, detail: internal.join() })
    }
    const counts = await client.graphql(
      '{ countProjects(draft: true) { totalDocs } Projects(limit: 1) { totalDocs } }',
    )
    expect(counts.json?.data.countProjects.totalDocs).toBe(counts.json?.data.Projects.totalDocs)
    console.log(`[security] S01 GraphQL doors tried: ${log.tried}`)
    expect(log.serverErrors).toEqual([])
    expect(log.leaks).toEqual([])
  })

  it('[S01] the public feed and the syndication feeds carry published texts only', async () => {
    const log = probeLog(allMarkers())
    for (const locale of ['DE', 'EN']) {
      const reply = log.check(`feed lists ${locale}`, await client.feed(feedListQuery, { locale }))
      expect(reply.json?.errors).toBeUndefined()
      expect(reply.json?.data.projects.totalCount).toBeGreaterThan(0)
      const slugs = [
        ...Object.values(fx.slugs),
        'q-soft',
        'tecart',
        reply.json?.data.stories.edges.map((edge: Json) => edge.node.slug),
      ].flat()
      for (const slug of slugs) {
        log.check(`feed by slug ${slug}`, await client.feed(feedBySlugQuery, { slug, locale }))
        const get = await client.get(
          `/api/feed/graphql?query=${encodeURIComponent(feedBySlugQuery)}&variables=${encodeURIComponent(JSON.stringify({ slug, locale }))}`,
        )
        log.check(`feed GET by slug ${slug}`, get)
      }
    }
    // The draft documents are not found by their slug at all.
    const draft = await client.feed(feedBySlugQuery, { slug: fx.slugs.draftStory, locale: 'DE' })
    expect(draft.json?.data).toEqual({ project: null, story: null, member: null, event: null })
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'events.ics']) {
      for (const query of ['', '?locale=en']) {
        const reply = log.check(
          `GET /api/feed/${file}${query}`,
          await client.get(`/api/feed/${file}${query}`),
        )
        expect(reply.status).toBe(200)
      }
    }
    console.log(`[security] S01 feed doors tried: ${log.tried}`)
    expect(log.serverErrors).toEqual([])
    expect(log.leaks).toEqual([])
  })

  it("[S02] a member never reads another organisation's drafts, versions, history or contact", async () => {
    const { tokens, tecartMarkers: t, markers: m, ids } = fx
    // Everything TecArt has not published, and the editors' drafts; Q-SOFT's own texts are its own.
    const secret = [
      ...Object.values(t),
      m.draftProject,
      m.pendingProject,
      m.draftEvent,
      m.draftMember,
    ]
    const log = probeLog(secret)
    for (const path of [...restReads(fx, { workflow: true }), ...likeOracles(secret)]) {
      log.check(`GET ${path}`, await client.get(path, tokens.qsoft))
    }
    for (const path of likeOracles(secret)) {
      const reply = await client.get(path, tokens.qsoft)
      if (reply.status === 200 && reply.json?.totalDocs !== 0) {
        log.leaks.push({
          door: `GET ${path}`,
          status: 200,
          detail: `counted ${reply.json?.totalDocs}`,
        })
      }
    }
    for (const query of payloadGraphqlReads(fx)) {
      const reply = log.check(
        `graphql ${query}`,
        await client.graphql(query, undefined, tokens.qsoft),
      )
      const internal = graphqlInternalErrors(reply)
      if (internal.length)
        log.serverErrors.push({ door: query, status: reply.status, detail: internal.join() })
    }
    // Filtering or sorting on the hidden contact must not tell TecArt's contact apart.
    const oracle = async (value: string) => {
      const reply = await client.get(
        `/api/members/count?where[contact.person][equals]=${encodeURIComponent(value)}`,
        tokens.qsoft,
      )
      log.check('GET contact oracle', reply)
      return reply.status === 200 ? `200:${reply.json?.totalDocs}` : String(reply.status)
    }
    expect(await oracle(t.contact)).toBe(await oracle('nobody at all'))
    const sortedBy = async (sort: string) =>
      (
        await client.get(`/api/members?limit=100&depth=0&sort=${sort}`, tokens.qsoft)
      ).json?.docs?.map((doc: Json) => doc.id)
    log.check('GET sort contact', await client.get('/api/members?sort=contact.email', tokens.qsoft))
    expect(await sortedBy('contact.email')).toEqual(await sortedBy('-contact.email'))

    expect((await client.get(`/api/stories/${ids.tecartDraftStory}`, tokens.qsoft)).status).toBe(
      404,
    )
    expect(
      (await client.get(`/api/stories/${ids.tecartReviewedStory}/workflow`, tokens.qsoft)).status,
    ).toBeGreaterThanOrEqual(403)
    console.log(`[security] S02 cross-member reads tried: ${log.tried}`)
    expect(log.serverErrors).toEqual([])
    expect(log.leaks).toEqual([])
  })

  it("[S03] a member cannot update, delete or duplicate another organisation's documents", async () => {
    const { tokens, ids } = fx
    const targets: Array<[string, Id]> = [
      ['stories', ids.tecartDraftStory],
      ['stories', ids.tecartReviewedStory],
      ['stories', ids.hiddenOrgStory],
      ['members', ids.tecartOrg],
      ['members', ids.draftMember],
      ['projects', ids.efaProject],
    ]
    const snapshot = async () => ({
      docs: await Promise.all(
        targets.map(([collection, id]) => storedState(client, tokens.admin, collection, id)),
      ),
      totals: await totals(client, tokens.admin),
    })
    const before = await snapshot()
    const log = probeLog([])
    const attack = async (method: string, path: string, body?: unknown) => {
      const reply = log.check(
        `${method} ${path}`,
        await client.request(method, path, { body, token: tokens.qsoft }),
      )
      return reply
    }
    const tecartVersion = fx.versionIds.stories.at(-1)
    for (const [collection, id] of targets) {
      const data =
        collection === 'members' ? { city: 'Gekapert', name: 'Gekapert' } : { title: 'Gekapert' }
      for (const draft of ['', '?draft=true', '?draft=false']) {
        await attack('PATCH', `/api/${collection}/${id}${draft}`, data)
      }
      await attack('DELETE', `/api/${collection}/${id}`)
      await attack('POST', `/api/${collection}/${id}/duplicate`, {})
      await attack('POST', `/api/${collection}/${id}/duplicate`, data)
      await attack('PATCH', `/api/${collection}?where[id][equals]=${id}`, data)
      await attack('PATCH', `/api/${collection}?where[id][in]=${id}&draft=true`, data)
      await attack('DELETE', `/api/${collection}?where[id][equals]=${id}`)
      await attack('POST', `/api/${collection}/${id}/workflow`, { transition: 'submit' })
      await attack('POST', `/api/${collection}/${id}/workflow`, { transition: 'restore' })
    }
    await attack('PATCH', `/api/stories?where[member][equals]=${ids.tecartOrg}`, {
      title: 'Gekapert',
    })
    await attack('DELETE', `/api/stories?where[member][equals]=${ids.tecartOrg}`)
    await attack('DELETE', `/api/stories?where[member][not_equals]=${ids.qsoftOrg}`)
    await attack('POST', `/api/stories/versions/${tecartVersion}`)
    // Moving TecArt's story to Q-SOFT, or creating one in TecArt's name.
    await attack('PATCH', `/api/stories/${ids.tecartDraftStory}`, { member: ids.qsoftOrg })
    await attack('POST', '/api/stories', {
      title: 'Im fremden Namen',
      project: ids.efaProject,
      member: ids.tecartOrg,
    })
    const mutations = [
      `mutation { updateStory(id: ${ids.tecartDraftStory}, data: { title: "Gekapert" }) { id title } }`,
      `mutation { updateStory(id: ${ids.tecartDraftStory}, draft: true, data: { title: "Gekapert" }) { id } }`,
      `mutation { deleteStory(id: ${ids.tecartDraftStory}) { id } }`,
      `mutation { duplicateStory(id: ${ids.tecartDraftStory}, data: { title: "Kopie" }) { id } }`,
      `mutation { updateMember(id: ${ids.tecartOrg}, data: { city: "Gekapert" }) { id } }`,
      `mutation { deleteMember(id: ${ids.tecartOrg}) { id } }`,
      `mutation { restoreVersionStory(id: ${JSON.stringify(tecartVersion)}) { id } }`,
      `mutation { createStory(data: { title: "Fremd", project: ${ids.efaProject}, member: ${ids.tecartOrg} }) { id } }`,
      `mutation { workflowTransition(collection: "stories", id: "${ids.tecartDraftStory}", transition: "submit") { state } }`,
    ]
    for (const mutation of mutations) {
      const reply = log.check(
        `graphql ${mutation}`,
        await client.graphql(mutation, undefined, tokens.qsoft),
      )
      expect([mutation, reply.json?.errors?.length > 0]).toEqual([mutation, true])
      const internal = graphqlInternalErrors(reply)
      if (internal.length)
        log.serverErrors.push({ door: mutation, status: reply.status, detail: internal.join() })
    }
    console.log(`[security] S03 cross-member writes tried: ${log.tried}`)
    expect(log.serverErrors).toEqual([])
    expect(await snapshot()).toEqual(before)
  })

  it('[S04] a member cannot publish its own content through any door', async () => {
    const { tokens, ids, markers: m } = fx
    const future = new Date(Date.now() + 86_400_000).toISOString()
    const past = new Date(Date.now() - 86_400_000).toISOString()
    const anonymousView = async () => ({
      draftStory: (await client.get(`/api/stories/${ids.draftStory}`)).status,
      pendingStory: (await client.get(`/api/stories/${ids.pendingStory}?locale=all`)).json,
      qsoftOrg: (await client.get(`/api/members/${ids.qsoftOrg}?locale=all`)).json,
      stories: (await client.get('/api/stories?limit=100&depth=0&locale=all')).json,
    })
    const storedView = async () => ({
      draftStory: await storedState(client, tokens.admin, 'stories', ids.draftStory),
      pendingStory: (await storedState(client, tokens.admin, 'stories', ids.pendingStory)).live,
      qsoftOrg: (await storedState(client, tokens.admin, 'members', ids.qsoftOrg)).live,
    })
    const publicBefore = await anonymousView()
    const storedBefore = await storedView()
    const storiesBefore = (await client.get('/api/stories/count?draft=true', tokens.admin)).json
      ?.totalDocs
    const log = probeLog([])
    const refused: string[] = []
    const attack = async (method: string, path: string, body?: unknown, mustRefuse = true) => {
      const reply = log.check(
        `${method} ${path} ${JSON.stringify(body)}`,
        await client.request(method, path, { body, token: tokens.qsoft }),
      )
      if (mustRefuse && reply.status < 400)
        refused.push(`${method} ${path} ${JSON.stringify(body)} → ${reply.status}`)
      return reply
    }
    const story = { title: `Selbst veröffentlicht ${m.draftStory}x`, project: ids.efaProject }
    await attack('POST', '/api/stories', { ...story, _status: 'published' })
    await attack('POST', '/api/stories?draft=false', { ...story, _status: 'published' })
    await attack('POST', '/api/stories', { ...story, workflow: { state: 'published' } })
    await attack('POST', '/api/stories', {
      ...story,
      workflow: { state: 'scheduled', publishAt: past },
    })
    for (const id of [ids.draftStory, ids.pendingStory]) {
      for (const query of ['', '?draft=false', '?draft=true']) {
        await attack('PATCH', `/api/stories/${id}${query}`, { _status: 'published' })
      }
      await attack('PATCH', `/api/stories/${id}`, { workflow: { state: 'published' } })
      await attack('PATCH', `/api/stories/${id}`, {
        workflow: { state: 'scheduled', publishAt: past },
      })
      await attack('PATCH', `/api/stories/${id}`, { workflow: { publishAt: future } })
      await attack('PATCH', `/api/stories?where[id][equals]=${id}`, { _status: 'published' })
      await attack('PATCH', `/api/stories?where[id][equals]=${id}&draft=false`, {
        _status: 'published',
      })
      for (const transition of ['approve', 'publish', 'unschedule']) {
        await attack('POST', `/api/stories/${id}/workflow`, { transition, publishAt: past })
      }
    }
    await attack('PATCH', `/api/members/${ids.qsoftOrg}`, { _status: 'published' })
    await attack('PATCH', `/api/members/${ids.qsoftOrg}?draft=false`, {
      _status: 'published',
      city: m.pendingProfile,
    })
    await attack('PATCH', `/api/members/${ids.qsoftOrg}`, { workflow: { state: 'published' } })
    await attack('PATCH', `/api/members?where[id][equals]=${ids.qsoftOrg}`, {
      _status: 'published',
    })
    // The scheduled-publication job and the jobs API.
    await attack('POST', '/api/payload-jobs', {
      taskSlug: 'workflowPublishScheduled',
      input: { collection: 'stories', id: String(ids.draftStory) },
    })
    await attack('GET', '/api/payload-jobs/run?queue=workflow')
    await attack('GET', '/api/payload-jobs/handle-schedules')

    // Restoring versions (the pending revision included) and duplicating are allowed, but only
    // as drafts: the live versions below must not change.
    const versions = (
      await client.get(
        `/api/stories/versions?where[parent][in]=${ids.draftStory},${ids.pendingStory}&limit=100`,
        tokens.qsoft,
      )
    ).json?.docs as Json[]
    expect(versions.length).toBeGreaterThan(2)
    for (const version of versions) {
      await attack('POST', `/api/stories/versions/${version.id}?draft=false`, undefined, false)
      const reply = log.check(
        'graphql restoreVersionStory',
        await client.graphql(
          `mutation { restoreVersionStory(id: ${JSON.stringify(version.id)}, draft: false) { id _status } }`,
          undefined,
          tokens.qsoft,
        ),
      )
      expect(reply.json?.data?.restoreVersionStory?._status ?? 'draft').toBe('draft')
    }
    // A copy may be made, but only as a draft: removed again so the store compares equal.
    for (const [id, query, body] of [
      [ids.pendingStory, '', { slug: 'kopie-live-a' }],
      [ids.pendingStory, '?draft=false', { slug: 'kopie-live-b' }],
      [ids.pendingStory, '?draft=false', { slug: 'kopie-live-c', _status: 'published' }],
      [ids.draftStory, '?draft=false', { slug: 'kopie-d', workflow: { state: 'published' } }],
      [ids.draftStory, '?draft=false', { slug: 'kopie-e' }],
    ] as const) {
      const duplicate = await attack('POST', `/api/stories/${id}/duplicate${query}`, body, false)
      if (duplicate.status < 300) {
        const copyId = duplicate.json?.doc.id
        const copy = await client.get(`/api/stories/${copyId}?draft=true`, tokens.admin)
        expect([copy.json?._status, copy.json?.workflow?.state]).toEqual(['draft', 'draft'])
        expect((await client.get(`/api/stories/${copyId}`)).status).toBe(404)
        await client.request('DELETE', `/api/stories/${copyId}`, { token: tokens.admin })
      }
    }
    const mutations = [
      `mutation { createStory(draft: false, data: { title: "GQL live", project: ${ids.efaProject}, _status: published }) { id _status } }`,
      `mutation { updateStory(id: ${ids.draftStory}, draft: false, data: { _status: published }) { id _status } }`,
      `mutation { updateStory(id: ${ids.pendingStory}, data: { _status: published, excerpt: "${m.pendingStory}" }) { id _status } }`,
      `mutation { updateStory(id: ${ids.draftStory}, data: { workflow: { state: published } }) { id } }`,
      `mutation { updateMember(id: ${ids.qsoftOrg}, draft: false, data: { _status: published }) { id } }`,
      `mutation { workflowTransition(collection: "stories", id: "${ids.draftStory}", transition: "approve") { state } }`,
      `mutation { workflowTransition(collection: "stories", id: "${ids.draftStory}", transition: "approve", publishAt: "${past}") { state } }`,
    ]
    for (const mutation of mutations) {
      const reply = log.check(
        `graphql ${mutation}`,
        await client.graphql(mutation, undefined, tokens.qsoft),
      )
      if (!reply.json?.errors?.length) refused.push(`graphql ${mutation} → no error`)
      const internal = graphqlInternalErrors(reply)
      if (internal.length)
        log.serverErrors.push({ door: mutation, status: reply.status, detail: internal.join() })
    }
    console.log(`[security] S04 self-publish attempts tried: ${log.tried}`)
    expect(log.serverErrors).toEqual([])
    expect(refused).toEqual([])
    expect(await anonymousView()).toEqual(publicBefore)
    const storedAfter = await storedView()
    expect(storedAfter.pendingStory).toEqual(storedBefore.pendingStory)
    expect(storedAfter.qsoftOrg).toEqual(storedBefore.qsoftOrg)
    expect(storedAfter.draftStory.latest?._status).toBe('draft')
    expect(storedAfter.draftStory.latest?.workflow?.state).toBe('draft')
    expect((await client.get('/api/stories/count?draft=true', tokens.admin)).json?.totalDocs).toBe(
      storiesBefore,
    )
  })

  it('[S05] a member cannot change its role or organisation, create users or read other users', async () => {
    const { tokens, ids } = fx
    const users = (await client.get('/api/users?limit=100&depth=0', tokens.admin)).json
      ?.docs as Json[]
    const self = users.find((user) => user.email === 'qsoft@itnet.example')!
    const admin = users.find((user) => user.email === 'admin@itnet.example')!
    const tecart = users.find((user) => user.email === 'tecart@itnet.example')!
    const usersBefore = await Promise.all(
      users.map(
        async (user) => (await client.get(`/api/users/${user.id}?depth=0`, tokens.admin)).json,
      ),
    )
    const log = probeLog(['admin@itnet.example', 'redaktion@itnet.example', 'tecart@itnet.example'])
    const refused: string[] = []
    const attack = async (method: string, path: string, body?: unknown) => {
      const reply = log.check(
        `${method} ${path} ${JSON.stringify(body)}`,
        await client.request(method, path, { body, token: tokens.qsoft }),
      )
      if (reply.status < 400 && method !== 'GET')
        refused.push(`${method} ${path} ${JSON.stringify(body)} → ${reply.status}`)
      return reply
    }
    for (const body of [
      { role: 'admin' },
      { role: 'editor' },
      { member: ids.tecartOrg },
      { member: null },
      { role: 'admin', member: null },
      { name: 'Q', role: 'admin' },
    ]) {
      await attack('PATCH', `/api/users/${self.id}`, body)
      await attack('PATCH', `/api/users?where[id][equals]=${self.id}`, body)
    }
    for (const other of [admin, tecart]) {
      await attack('PATCH', `/api/users/${other.id}`, {
        name: 'Gekapert',
        password: 'gekapert-123',
      })
      await attack('DELETE', `/api/users/${other.id}`)
      await attack('POST', `/api/users/${other.id}/duplicate`, {})
      await attack('POST', `/api/users/unlock`, { email: other.email })
      await attack('GET', `/api/users/${other.id}`)
    }
    for (const body of [
      { email: 'neu@itnet.example', password: 'neu-passwort-123', role: 'admin' },
      {
        email: 'neu2@itnet.example',
        password: 'neu-passwort-123',
        role: 'member',
        member: ids.qsoftOrg,
      },
    ]) {
      await attack('POST', '/api/users', body)
      await attack('POST', '/api/users/first-register', body)
    }
    await attack('GET', '/api/users?limit=100')
    await attack('GET', '/api/users?where[role][equals]=admin')
    await attack('GET', '/api/users/versions')
    const list = await client.get('/api/users?limit=100&depth=0', tokens.qsoft)
    expect(list.json?.docs.map((user: Json) => user.email)).toEqual(['qsoft@itnet.example'])
    const oracle = await client.get('/api/users/count?where[email][like]=admin', tokens.qsoft)
    expect(oracle.json?.totalDocs ?? 0).toBe(0)
    for (const mutation of [
      `mutation { updateUser(id: ${self.id}, data: { role: admin }) { id role } }`,
      `mutation { updateUser(id: ${self.id}, data: { member: ${ids.tecartOrg} }) { id } }`,
      `mutation { createUser(data: { email: "gql@itnet.example", password: "gql-passwort-123", role: admin }) { id } }`,
      `mutation { updateUser(id: ${admin.id}, data: { name: "Gekapert" }) { id } }`,
      `mutation { deleteUser(id: ${tecart.id}) { id } }`,
    ]) {
      const reply = log.check(
        `graphql ${mutation}`,
        await client.graphql(mutation, undefined, tokens.qsoft),
      )
      if (!reply.json?.errors?.length) refused.push(`graphql ${mutation} → no error`)
    }
    for (const query of [
      '{ Users(limit: 100) { docs { email role } } }',
      `{ User(id: ${admin.id}) { email role } }`,
      '{ countUsers { totalDocs } }',
    ]) {
      const reply = log.check(
        `graphql ${query}`,
        await client.graphql(query, undefined, tokens.qsoft),
      )
      const internal = graphqlInternalErrors(reply)
      if (internal.length)
        log.serverErrors.push({ door: query, status: reply.status, detail: internal.join() })
    }
    console.log(`[security] S05 escalation attempts tried: ${log.tried}`)
    expect(log.serverErrors).toEqual([])
    expect(log.leaks).toEqual([])
    expect(refused).toEqual([])
    const usersAfter = await Promise.all(
      users.map(
        async (user) => (await client.get(`/api/users/${user.id}?depth=0`, tokens.admin)).json,
      ),
    )
    expect(usersAfter).toEqual(usersBefore)
    expect((await client.get('/api/users/count', tokens.admin)).json?.totalDocs).toBe(users.length)
    const me = await client.get('/api/users/me', await client.login('qsoft@itnet.example'))
    expect([me.json?.user.role, me.json?.user.member?.id ?? me.json?.user.member]).toEqual([
      'member',
      ids.qsoftOrg,
    ])
  })
})

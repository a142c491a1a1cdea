import fc from 'fast-check'

import { testDatabaseKinds } from '../helpers/testDatabases'
import { loginAll, type Tokens } from './helpers/fixtures'
import { startHub, type Hub, type HubClient, type Json, type Reply } from './helpers/hub'
import { graphqlInternalErrors } from './helpers/probes'

/**
 * Generated bad input (docs/security.md S26–S28): arbitrary JSON for the fields of the main
 * collections, as editor and as member, over REST and GraphQL. Never a server error; a refused
 * write leaves the store as it was; an accepted one stored something valid.
 */

const seed = 20261127
const restRuns = 240
const graphqlRuns = 120
const feedRuns = 120

type Target = {
  collection: 'projects' | 'partners' | 'events' | 'stories' | 'members'
  actor: keyof Tokens
  fields: string[]
  /** The text field every valid document has. */
  titleField: 'title' | 'name'
}

const targets: Target[] = [
  {
    collection: 'projects',
    actor: 'editor',
    titleField: 'title',
    fields: [
      'title',
      'slug',
      'summary',
      'body',
      'status',
      'carriedBy',
      'startDate',
      'endDate',
      'datePrecision',
      'participants',
      'topics',
      'links',
      'image',
      'publishedAt',
    ],
  },
  {
    collection: 'partners',
    actor: 'editor',
    titleField: 'name',
    fields: ['name', 'slug', 'website'],
  },
  {
    collection: 'events',
    actor: 'editor',
    titleField: 'title',
    fields: [
      'title',
      'slug',
      'type',
      'startsAt',
      'endsAt',
      'allDay',
      'detailsPending',
      'location',
      'coHosts',
      'series',
      'description',
    ],
  },
  {
    collection: 'stories',
    actor: 'qsoft',
    titleField: 'title',
    fields: [
      'title',
      'slug',
      'project',
      'member',
      'author',
      'excerpt',
      'body',
      'image',
      'publishedAt',
      'workflow',
    ],
  },
  {
    collection: 'members',
    actor: 'qsoft',
    titleField: 'name',
    fields: [
      'name',
      'slug',
      'city',
      'website',
      'kind',
      'membershipType',
      'contact',
      'topics',
      'workingGroups',
      'description',
      'memberSince',
    ],
  },
  {
    collection: 'stories',
    actor: 'editor',
    titleField: 'title',
    fields: ['title', 'project', 'member', 'excerpt', 'body'],
  },
]

/** Values that are wrong for almost every field: types, sizes, depths, encodings. */
const deep = (depth: number, leaf: unknown): unknown =>
  Array.from({ length: depth }).reduce<unknown>(
    (inner, _, n) => (n % 2 ? [inner] : { a: inner }),
    leaf,
  )

const badValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom<unknown>(
    null,
    true,
    [],
    {},
    '',
    '\u0000',
    '\ud800',
    'x'.repeat(200_000),
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    5e-324,
    '99999999999999999999999999999999',
    '-1',
    '0x10',
    '2023-02-30T25:61:00Z',
    '+275760-09-13T00:00:00.000Z',
    { root: 'not a tree' },
    { root: { children: 'x', type: 'root' } },
    [{ relationTo: 'users', value: 1 }],
    [{ relationTo: 'members', value: { $ne: null } }],
    { equals: 1 },
    { state: 'published' },
    deep(300, 'tief'),
    deep(3000, 1),
  ),
  fc.integer(),
  fc.double(),
)

const badBody = (fields: string[]) =>
  fc.oneof(
    {
      weight: 5,
      arbitrary: fc.dictionary(fc.constantFrom(...fields, 'id', 'createdAt', '_status'), badValue, {
        maxKeys: 4,
      }),
    },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), badValue, { maxKeys: 3 }) },
    { weight: 1, arbitrary: badValue },
  )

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** What an accepted write must have stored: a document an editor could have saved by hand. */
const invalidStored = (doc: Json | undefined, target: Target): string | undefined => {
  if (!doc) return 'nothing stored'
  const title = doc[target.titleField]
  const text = typeof title === 'object' && title !== null ? title.de : title
  if (typeof text !== 'string' || text.trim() === '')
    return `${target.titleField} is ${JSON.stringify(title)}`
  if (typeof doc.slug !== 'string' || !slugPattern.test(doc.slug))
    return `slug is ${JSON.stringify(doc.slug)}`
  if (
    doc._status !== undefined &&
    target.actor !== 'editor' &&
    doc._status !== 'draft' &&
    doc.workflow?.state !== 'published'
  )
    return `a member's write is ${doc._status}`
  return undefined
}

describe.each(testDatabaseKinds())('bad input on $name', (kind) => {
  let hub: Hub
  let client: HubClient
  let tokens: Tokens
  const ids: Record<string, number | string> = {}

  beforeAll(async () => {
    hub = await startHub(kind)
    client = hub.client
    tokens = await loginAll(client)
    const project = (await client.get('/api/projects?where[slug][equals]=efa-app')).json!.docs[0]
    const create = async (collection: string, body: Json, token: string) => {
      const reply = await client.request('POST', `/api/${collection}`, { body, token })
      if (reply.status !== 201) throw new Error(`${collection}: ${reply.text}`)
      return reply.json!.doc.id
    }
    ids.projects = await create('projects', { title: 'Zielprojekt' }, tokens.editor)
    ids.partners = await create('partners', { name: 'Zielpartner' }, tokens.editor)
    const event = (await client.get('/api/events?limit=1&depth=0', tokens.editor)).json!.docs[0]
    ids.events = await create(
      'events',
      { title: 'Zielveranstaltung', type: event.type, startsAt: event.startsAt },
      tokens.editor,
    )
    ids.stories = await create(
      'stories',
      { title: 'Zielgeschichte', project: project.id },
      tokens.qsoft,
    )
    ids.members = (await client.get('/api/members?where[slug][equals]=q-soft')).json!.docs[0].id
  }, 300_000)

  afterAll(async () => {
    await hub?.stop()
  })

  const stored = async (collection: string, id: unknown) =>
    (await client.get(`/api/${collection}/${id}?draft=true&locale=all&depth=0`, tokens.admin)).json
  const count = async (collection: string) =>
    (await client.get(`/api/${collection}/count?draft=true`, tokens.admin)).json
      ?.totalDocs as number

  it('[S26] generated bad REST bodies are refused with a message, or stored valid; never 5xx', async () => {
    const inputs = fc.sample(
      fc
        .tuple(fc.constantFrom(...targets.keys()), fc.constantFrom('create', 'update'))
        .chain(([index, operation]) =>
          fc.tuple(fc.constant(index), fc.constant(operation), badBody(targets[index].fields)),
        ),
      { seed, numRuns: restRuns },
    )
    const snapshots = new Map<string, unknown>()
    for (const target of targets)
      snapshots.set(target.collection, await stored(target.collection, ids[target.collection]))
    const counts = new Map<string, number>()
    for (const target of targets) counts.set(target.collection, await count(target.collection))
    const problems: string[] = []
    let accepted = 0
    for (const [index, operation, body] of inputs) {
      const target = targets[index]
      const { collection } = target
      const path =
        operation === 'create' ? `/api/${collection}` : `/api/${collection}/${ids[collection]}`
      const reply = await client.request(operation === 'create' ? 'POST' : 'PATCH', path, {
        body: JSON.stringify(body) ?? 'null',
        token: tokens[target.actor],
      })
      const input = `${target.actor} ${operation} ${collection} ${JSON.stringify(body)?.slice(0, 200)}`
      if (reply.status >= 500) {
        problems.push(`${reply.status} for ${input}: ${reply.text.slice(0, 200)}`)
        continue
      }
      if (reply.status >= 400) {
        if (typeof reply.json?.errors?.[0]?.message !== 'string')
          problems.push(`${reply.status} without errors[].message for ${input}`)
        if (operation === 'update') {
          const now = await stored(collection, ids[collection])
          if (JSON.stringify(now) !== JSON.stringify(snapshots.get(collection)))
            problems.push(`refused update changed the store: ${input}`)
        } else if ((await count(collection)) !== counts.get(collection)) {
          problems.push(`refused create stored a document: ${input}`)
        }
        continue
      }
      accepted += 1
      const id = operation === 'create' ? reply.json?.doc?.id : ids[collection]
      const doc = await stored(collection, id)
      const invalid = invalidStored(doc, target)
      if (invalid) problems.push(`accepted and stored invalid (${invalid}): ${input}`)
      if (operation === 'update') snapshots.set(collection, doc)
      else counts.set(collection, await count(collection))
    }
    console.log(
      `[security] bad inputs tried: ${inputs.length} (REST, ${accepted} valid ones accepted)`,
    )
    expect(problems).toEqual([])
  })

  it('[S27] generated bad GraphQL variables for mutations and the feed never give an internal error', async () => {
    const mutationTargets = [
      { single: 'Project', collection: 'projects', token: tokens.editor },
      { single: 'Partner', collection: 'partners', token: tokens.editor },
      { single: 'Story', collection: 'stories', token: tokens.qsoft },
      { single: 'Member', collection: 'members', token: tokens.qsoft },
    ]
    // The mutations are valid GraphQL: a well-formed call goes through.
    const sane = await client.graphql(
      'mutation ($id: Int!, $data: mutationPartnerUpdateInput!) { updatePartner(id: $id, data: $data) { id name } }',
      { id: ids.partners, data: { name: 'Zielpartner' } },
      tokens.editor,
    )
    expect(sane.json?.errors).toBeUndefined()
    const before = await Promise.all(
      mutationTargets.map((t) => stored(t.collection, ids[t.collection])),
    )
    const countsBefore = await Promise.all(mutationTargets.map((t) => count(t.collection)))
    const problems: string[] = []
    const check = (what: string, reply: Reply) => {
      if (reply.status >= 500)
        problems.push(`${reply.status} for ${what}: ${reply.text.slice(0, 200)}`)
      for (const error of graphqlInternalErrors(reply)) problems.push(`${error} for ${what}`)
    }
    const inputs = fc.sample(
      fc.tuple(fc.constantFrom(...mutationTargets.keys()), fc.boolean(), badValue, badValue),
      { seed, numRuns: graphqlRuns },
    )
    for (const [index, create, data, id] of inputs) {
      const target = mutationTargets[index]
      const reply = create
        ? await client.graphql(
            `mutation ($data: mutation${target.single}Input!) { create${target.single}(data: $data) { id } }`,
            { data },
            target.token,
          )
        : await client.graphql(
            `mutation ($id: Int!, $data: mutation${target.single}UpdateInput!) { update${target.single}(id: $id, data: $data) { id } }`,
            { id: typeof id === 'number' ? id : ids[target.collection], data },
            target.token,
          )
      check(`${target.single} ${JSON.stringify({ data, id })?.slice(0, 200)}`, reply)
    }
    const feedInputs = fc.sample(
      fc.record(
        { first: badValue, after: badValue, locale: badValue, slug: badValue },
        { requiredKeys: [] },
      ),
      { seed, numRuns: feedRuns },
    )
    for (const variables of feedInputs) {
      const reply = await client.feed(
        `query ($first: Int, $after: String, $locale: Locale!, $slug: String!) {
          projects(first: $first, after: $after, locale: $locale) { totalCount edges { cursor } }
          stories(first: $first, after: $after, locale: $locale) { totalCount }
          project(slug: $slug, locale: $locale) { slug } }`,
        variables,
      )
      check(`feed ${JSON.stringify(variables).slice(0, 200)}`, reply)
    }
    console.log(
      `[security] bad inputs tried: ${inputs.length + feedInputs.length} (GraphQL variables)`,
    )
    expect(problems).toEqual([])
    // Nothing was accepted that the REST suite would refuse: the targets are untouched or valid.
    const after = await Promise.all(
      mutationTargets.map((t) => stored(t.collection, ids[t.collection])),
    )
    after.forEach((doc, n) => {
      if (JSON.stringify(doc) !== JSON.stringify(before[n])) {
        const target = targets.find((t) => t.collection === mutationTargets[n].collection)!
        expect(invalidStored(doc, target)).toBeUndefined()
      }
    })
    const countsAfter = await Promise.all(mutationTargets.map((t) => count(t.collection)))
    expect(countsAfter.map((value, n) => value >= countsBefore[n])).toEqual([
      true,
      true,
      true,
      true,
    ])
  })

  it('[S28] malformed JSON is answered 400 naming the problem on REST and both GraphQL APIs', async () => {
    const malformed = [
      '{"name": ',
      '{',
      '[1,',
      '{"a":1,}',
      "{'a':1}",
      'nul',
      '{"a":"\\x"}',
      '\u0000',
      '{"a":1}}',
    ]
    const doors: Array<[string, string, string | undefined]> = [
      ['POST', '/api/partners', tokens.editor],
      ['PATCH', `/api/partners/${ids.partners}`, tokens.editor],
      ['PATCH', `/api/partners?where[id][equals]=${ids.partners}`, tokens.editor],
      ['POST', '/api/stories', tokens.qsoft],
      ['POST', `/api/stories/${ids.stories}/workflow`, tokens.qsoft],
      ['POST', '/api/users/login', undefined],
      ['POST', '/api/graphql', tokens.editor],
      ['POST', '/api/graphql', undefined],
      ['POST', '/api/feed/graphql', undefined],
    ]
    const before = await stored('partners', ids.partners)
    const wrong: string[] = []
    for (const body of malformed) {
      for (const [method, path, token] of doors) {
        const reply = await client.request(method, path, {
          body,
          token,
          headers: { accept: 'application/json' },
        })
        const message = JSON.stringify(reply.json?.errors ?? reply.json ?? reply.text)
        if (reply.status !== 400 || !/json/i.test(message)) {
          wrong.push(
            `${method} ${path} ${JSON.stringify(body)} → ${reply.status} ${message.slice(0, 160)}`,
          )
        }
      }
    }
    console.log(`[security] S28 malformed bodies tried: ${malformed.length * doors.length}`)
    expect(wrong).toEqual([])
    expect(await stored('partners', ids.partners)).toEqual(before)
  })
})

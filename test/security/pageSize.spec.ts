import { testDatabaseKinds } from '../helpers/testDatabases'
import { demo, startHub, type Hub, type Json, type Reply } from './helpers/hub'

/**
 * S08: outside the editorial team (anonymous callers and members) a page holds at most 100
 * documents; asking for everything (`limit=0`, `pagination=false`) is refused with a 400 that
 * names the problem. Editors keep full lists. Over REST and Payload's GraphQL.
 */

const partnersToAdd = 105

describe.each(testDatabaseKinds())('page sizes on $name', (kind) => {
  let hub: Hub
  let editor: string
  let member: string
  let totalPartners: number

  beforeAll(async () => {
    hub = await startHub(kind)
    editor = await hub.client.login(demo.editor)
    member = await hub.client.login(demo.qsoft)
    for (let index = 0; index < partnersToAdd; index += 1) {
      const reply = await hub.client.request('POST', '/api/partners', {
        body: { name: `Partner S08 ${index}` },
        token: editor,
      })
      expect(reply.status).toBe(201)
    }
    const count = await hub.client.get('/api/partners/count', editor)
    totalPartners = count.json!.totalDocs as number
    expect(totalPartners).toBeGreaterThan(100)
  })

  afterAll(async () => {
    await hub?.stop()
  })

  const tokenOf = { anonymous: undefined, member: () => member } as const
  const callers = ['anonymous', 'member'] as const
  const as = (caller: (typeof callers)[number]) => tokenOf[caller]?.()

  const expectPageSizeRefusal = (reply: Reply, problem: string) => {
    expect(reply.status).toBe(400)
    const message = (reply.json?.errors as Json[])[0]!.message as string
    expect(message).toContain(problem)
    expect(message).toContain('PAGE_SIZE_REFUSED')
  }

  it.each(callers)('[S08] should refuse limit=0 from %s with a 400 naming it', async (caller) => {
    expectPageSizeRefusal(await hub.client.get('/api/partners?limit=0', as(caller)), 'limit=0')
  })

  it.each(callers)(
    '[S08] should refuse pagination=false from %s with a 400 naming it',
    async (caller) => {
      expectPageSizeRefusal(
        await hub.client.get('/api/partners?pagination=false', as(caller)),
        'pagination=false',
      )
      expectPageSizeRefusal(
        await hub.client.get('/api/partners?pagination=false&limit=5', as(caller)),
        'pagination=false',
      )
    },
  )

  it.each(callers)('[S08] should refuse a negative limit from %s', async (caller) => {
    expectPageSizeRefusal(await hub.client.get('/api/partners?limit=-1', as(caller)), 'limit=-1')
  })

  it.each(callers)('[S08] should clamp a larger limit from %s to 100', async (caller) => {
    const reply = await hub.client.get('/api/partners?limit=5000&depth=0', as(caller))
    expect(reply.status).toBe(200)
    expect(reply.json).toMatchObject({ limit: 100, totalDocs: totalPartners, hasNextPage: true })
    expect(reply.json!.docs).toHaveLength(100)
    const second = await hub.client.get('/api/partners?limit=5000&page=2&depth=0', as(caller))
    expect(second.json!.docs).toHaveLength(totalPartners - 100)
  })

  it.each(callers)('[S08] should refuse %s an unbounded page of a join field', async (caller) => {
    expectPageSizeRefusal(
      await hub.client.get('/api/events?joins[seriesEvents][limit]=0&depth=0', as(caller)),
      'joins[seriesEvents][limit]=0',
    )
  })

  it('[S08] should keep full lists for editors', async () => {
    for (const query of ['limit=0', 'pagination=false', 'limit=5000']) {
      const reply = await hub.client.get(`/api/partners?${query}&depth=0`, editor)
      expect(reply.status).toBe(200)
      expect(reply.json!.docs).toHaveLength(totalPartners)
    }
  })

  const graphqlErrors = (reply: Reply) => (reply.json?.errors as Json[] | undefined) ?? []

  it.each(callers)(
    '[S08] should refuse limit: 0 and pagination: false from %s over GraphQL',
    async (caller) => {
      for (const [args, problem] of [
        ['limit: 0', 'limit=0'],
        ['pagination: false', 'pagination=false'],
      ] as const) {
        const reply = await hub.client.graphql(
          `{ Partners(${args}) { totalDocs docs { id } } }`,
          undefined,
          as(caller),
        )
        expect(reply.status).toBeLessThan(500)
        expect(reply.json?.data?.Partners ?? null).toBeNull()
        const [error] = graphqlErrors(reply)
        expect(error?.message).toContain(problem)
        expect(error?.extensions?.statusCode).toBe(400)
      }
    },
  )

  it.each(callers)('[S08] should clamp a larger GraphQL limit from %s to 100', async (caller) => {
    const reply = await hub.client.graphql(
      '{ Partners(limit: 5000) { limit totalDocs docs { id } } }',
      undefined,
      as(caller),
    )
    expect(graphqlErrors(reply)).toEqual([])
    expect(reply.json!.data.Partners).toMatchObject({ limit: 100, totalDocs: totalPartners })
    expect(reply.json!.data.Partners.docs).toHaveLength(100)
  })

  it('[S08] should keep full GraphQL lists for editors', async () => {
    for (const args of ['limit: 0', 'pagination: false']) {
      const reply = await hub.client.graphql(
        `{ Partners(${args}) { docs { id } } }`,
        undefined,
        editor,
      )
      expect(graphqlErrors(reply)).toEqual([])
      expect(reply.json!.data.Partners.docs).toHaveLength(totalPartners)
    }
  })
})

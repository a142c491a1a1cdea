import { testDatabaseKinds } from '../helpers/testDatabases'
import { demo, startHub, type Hub, type Json, type Reply } from './helpers/hub'

/**
 * S29: a save that states the version it is based on (`updatedAt` in a JSON or GraphQL body,
 * exact; or `If-Unmodified-Since`, to the second) is refused with 409 once another save came
 * between, instead of overwriting it. The store is re-read after every refusal.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Waits until the clock is in a later second than `iso`, so second-precision dates differ. */
const nextSecond = (iso: string) =>
  sleep(Math.max(0, (Math.floor(Date.parse(iso) / 1000) + 1) * 1000 - Date.now()) + 50)

describe.each(testDatabaseKinds())('lost updates on $name', (kind) => {
  let hub: Hub
  let editor: string
  let member: string

  beforeAll(async () => {
    hub = await startHub(kind)
    editor = await hub.client.login(demo.editor)
    member = await hub.client.login(demo.qsoft)
  })

  afterAll(async () => {
    await hub?.stop()
  })

  const patch = (path: string, body: Json, token: string, headers?: Record<string, string>) =>
    hub.client.request('PATCH', path, { body, token, headers })
  const read = async (path: string) => {
    const reply = await hub.client.get(path, editor)
    expect(reply.status).toBe(200)
    return reply.json!
  }
  const expectConflict = (reply: Reply) => {
    expect(reply.status).toBe(409)
    const error = (reply.json!.errors as Json[])[0]!
    expect(error.message).toContain('STALE_UPDATE')
    expect(error.message).toMatch(/changed after the version this save is based on/)
  }
  const newPartner = async (name: string) => {
    const reply = await hub.client.request('POST', '/api/partners', {
      body: { name },
      token: editor,
    })
    expect(reply.status).toBe(201)
    return reply.json!.doc as Json
  }

  it('[S29] should save with a fresh updatedAt in the body and refuse a stale one with 409', async () => {
    const partner = await newPartner('Kammer S29')
    const seen = partner.updatedAt as string
    const first = await patch(
      `/api/partners/${partner.id}`,
      { name: 'Kammer S29 (erste Sitzung)', updatedAt: seen },
      editor,
    )
    expect(first.status).toBe(200)
    const stored = await read(`/api/partners/${partner.id}?depth=0`)
    // The stated updatedAt was removed: Payload stamped the save itself.
    expect(stored.updatedAt).not.toBe(seen)
    expect(Date.parse(stored.updatedAt)).toBeGreaterThan(Date.parse(seen))

    const second = await patch(
      `/api/partners/${partner.id}`,
      { name: 'Kammer S29 (zweite Sitzung)', updatedAt: seen },
      editor,
    )
    expectConflict(second)
    expect(await read(`/api/partners/${partner.id}?depth=0`)).toMatchObject({
      name: 'Kammer S29 (erste Sitzung)',
      updatedAt: stored.updatedAt,
    })
  })

  it('[S29] should honour If-Unmodified-Since: a fresh date saves, a stale one gets 409', async () => {
    const partner = await newPartner('Verband S29')
    const seenAt = new Date(partner.updatedAt as string).toUTCString()
    const fresh = await patch(`/api/partners/${partner.id}`, { name: 'Verband S29 (A)' }, editor, {
      'If-Unmodified-Since': seenAt,
    })
    expect(fresh.status).toBe(200)
    const afterA = await read(`/api/partners/${partner.id}?depth=0`)

    // B read the document before A saved; A's save lands in a later second.
    const bSawAt = new Date(afterA.updatedAt as string).toUTCString()
    await nextSecond(afterA.updatedAt as string)
    const intervening = await patch(
      `/api/partners/${partner.id}`,
      { name: 'Verband S29 (C)' },
      editor,
    )
    expect(intervening.status).toBe(200)
    const afterC = await read(`/api/partners/${partner.id}?depth=0`)

    expectConflict(
      await patch(`/api/partners/${partner.id}`, { name: 'Verband S29 (B)' }, editor, {
        'If-Unmodified-Since': bSawAt,
      }),
    )
    expect(await read(`/api/partners/${partner.id}?depth=0`)).toMatchObject({
      name: 'Verband S29 (C)',
      updatedAt: afterC.updatedAt,
    })
  })

  it('[S29] should refuse a stale bulk update (PATCH with where) and change no document', async () => {
    const partner = await newPartner('Netzwerk S29')
    const seen = partner.updatedAt as string
    expect(
      (await patch(`/api/partners/${partner.id}`, { name: 'Netzwerk S29 (neu)' }, editor)).status,
    ).toBe(200)
    const reply = await patch(
      `/api/partners?where[id][equals]=${partner.id}`,
      { name: 'Netzwerk S29 (alt)', updatedAt: seen },
      editor,
    )
    expectConflict(reply)
    expect((await read(`/api/partners/${partner.id}?depth=0`)).name).toBe('Netzwerk S29 (neu)')
  })

  it('[S29] should compare a draft save with the latest draft, not with the live version', async () => {
    const created = await hub.client.request('POST', '/api/projects', {
      body: { title: 'Projekt S29', summary: 'live', _status: 'published' },
      token: editor,
    })
    expect(created.status).toBe(201)
    const id = created.json!.doc.id
    const live = await read(`/api/projects/${id}?depth=0`)
    // Another editor saves a draft revision; the live document stays as it was.
    const draftSave = await patch(
      `/api/projects/${id}?draft=true`,
      { summary: 'Entwurf von Redakteurin A', updatedAt: live.updatedAt },
      editor,
    )
    expect(draftSave.status).toBe(200)
    const latest = await read(`/api/projects/${id}?draft=true&depth=0`)
    expect(latest.summary).toBe('Entwurf von Redakteurin A')

    // Whoever still edits from the live version would overwrite the newer draft.
    expectConflict(
      await patch(
        `/api/projects/${id}?draft=true`,
        { summary: 'Entwurf von Redakteur B', updatedAt: live.updatedAt },
        editor,
      ),
    )
    expectConflict(
      await patch(
        `/api/projects/${id}`,
        { summary: 'Veröffentlicht von B', _status: 'published', updatedAt: live.updatedAt },
        editor,
      ),
    )
    expect((await read(`/api/projects/${id}?draft=true&depth=0`)).summary).toBe(
      'Entwurf von Redakteurin A',
    )
    expect((await read(`/api/projects/${id}?depth=0`)).summary).toBe('live')

    // Based on the latest draft, the save goes through.
    const publish = await patch(
      `/api/projects/${id}`,
      { summary: 'veröffentlicht', _status: 'published', updatedAt: latest.updatedAt },
      editor,
    )
    expect(publish.status).toBe(200)
    expect((await hub.client.get(`/api/projects/${id}?depth=0`)).json!.summary).toBe(
      'veröffentlicht',
    )
  })

  it("[S29] should protect a member's story edits through the approval workflow", async () => {
    const project = (await read('/api/projects?where[slug][equals]=efa-app&depth=0')).docs[0]
    const created = await hub.client.request('POST', '/api/stories', {
      body: { title: 'Geschichte S29', project: project.id, excerpt: 'erste Fassung' },
      token: member,
    })
    expect(created.status).toBe(201)
    const id = created.json!.doc.id
    const seen = (await hub.client.get(`/api/stories/${id}?draft=true&depth=0`, member)).json!
    const fresh = await patch(
      `/api/stories/${id}?draft=true`,
      { excerpt: 'zweite Fassung', updatedAt: seen.updatedAt },
      member,
    )
    expect(fresh.status).toBe(200)
    expectConflict(
      await patch(
        `/api/stories/${id}?draft=true`,
        { excerpt: 'verlorene Fassung', updatedAt: seen.updatedAt },
        member,
      ),
    )
    expect((await read(`/api/stories/${id}?draft=true&depth=0`)).excerpt).toBe('zweite Fassung')
  })

  it('[S29] should answer a stated updatedAt on a document the caller may not change with 403, not 409', async () => {
    const partner = await newPartner('Behörde S29')
    expect(
      (await patch(`/api/partners/${partner.id}`, { name: 'Behörde S29 (neu)' }, editor)).status,
    ).toBe(200)
    const reply = await patch(
      `/api/partners/${partner.id}`,
      { name: 'Übernommen', updatedAt: partner.updatedAt },
      member,
    )
    expect(reply.status).toBe(403)
    expect((await read(`/api/partners/${partner.id}?depth=0`)).name).toBe('Behörde S29 (neu)')
  })

  it('[S29] should refuse a stale updatedAt in a GraphQL mutation', async () => {
    const partner = await newPartner('Agentur S29')
    const seen = partner.updatedAt as string
    const mutation =
      'mutation ($id: Int!, $data: mutationPartnerUpdateInput!) { updatePartner(id: $id, data: $data) { name updatedAt } }'
    const id = kind.name === 'sqlite' || kind.name === 'postgres' ? Number(partner.id) : partner.id
    const fresh = await hub.client.graphql(
      mutation,
      { id, data: { name: 'Agentur S29 (A)', updatedAt: seen } },
      editor,
    )
    expect(fresh.json!.errors).toBeUndefined()
    expect(fresh.json!.data.updatePartner.name).toBe('Agentur S29 (A)')

    const stale = await hub.client.graphql(
      mutation,
      { id, data: { name: 'Agentur S29 (B)', updatedAt: seen } },
      editor,
    )
    expect(stale.json!.data?.updatePartner ?? null).toBeNull()
    const [error] = stale.json!.errors as Json[]
    expect(error!.message).toContain('STALE_UPDATE')
    expect(error!.extensions.statusCode).toBe(409)
    expect((await read(`/api/partners/${partner.id}?depth=0`)).name).toBe('Agentur S29 (A)')
  })

  const patchForm = async (path: string, body: Json, headers: Record<string, string> = {}) => {
    // As Payload's admin panel submits a document form.
    const form = new FormData()
    form.append('_payload', JSON.stringify(body))
    const response = await fetch(`${hub.server.url}${path}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${editor}`, ...headers },
      body: form,
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, text, json: JSON.parse(text) }
  }

  it("[S29] should keep the admin panel's repeated form saves working (it resends the updatedAt it loaded)", async () => {
    const partner = await newPartner('Formular S29')
    for (const name of ['Formular S29 (1)', 'Formular S29 (2)']) {
      const reply = await patchForm(`/api/partners/${partner.id}`, {
        name,
        updatedAt: partner.updatedAt,
      })
      expect(reply.status).toBe(200)
    }
    const stored = await read(`/api/partners/${partner.id}?depth=0`)
    expect(stored.name).toBe('Formular S29 (2)')
    expect(stored.updatedAt).not.toBe(partner.updatedAt)
  })

  it('[S29] should refuse a form save with a stale If-Unmodified-Since', async () => {
    const partner = await newPartner('Formular Kopf S29')
    const seenAt = new Date(partner.updatedAt as string).toUTCString()
    await nextSecond(partner.updatedAt as string)
    expect(
      (await patch(`/api/partners/${partner.id}`, { name: 'Zwischendurch' }, editor)).status,
    ).toBe(200)
    expectConflict(
      await patchForm(
        `/api/partners/${partner.id}`,
        { name: 'Veraltet' },
        { 'If-Unmodified-Since': seenAt },
      ),
    )
    expect((await read(`/api/partners/${partner.id}?depth=0`)).name).toBe('Zwischendurch')
  })

  it('[S29] should keep saves without a stated version working as before', async () => {
    const partner = await newPartner('Ohne Angabe S29')
    for (const name of ['eins', 'zwei']) {
      expect((await patch(`/api/partners/${partner.id}`, { name }, editor)).status).toBe(200)
    }
    expect((await read(`/api/partners/${partner.id}?depth=0`)).name).toBe('zwei')
  })
})

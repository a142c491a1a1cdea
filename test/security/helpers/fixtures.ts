import crypto from 'node:crypto'

import { demo, marker, type HubClient, type Json, type Reply } from './hub'

export type Tokens = { admin: string; editor: string; qsoft: string; tecart: string }

/**
 * Content an attacker must not see, each carrying a marker of its own: drafts, pending
 * revisions of live documents, a live project and a live story pointing to a draft
 * organisation, TecArt's unpublished story, pending profile, contact details and review comment.
 */
export type LeakFixtures = {
  tokens: Tokens
  ids: {
    efaProject: number | string
    qsoftOrg: number | string
    tecartOrg: number | string
    draftProject: number | string
    /** Published, with a pending draft revision; lists the draft organisation. */
    pendingProject: number | string
    draftEvent: number | string
    draftMember: number | string
    /** Q-SOFT's draft story. */
    draftStory: number | string
    /** Q-SOFT's published story with a pending revision. */
    pendingStory: number | string
    /** Published story attributed to the draft organisation. */
    hiddenOrgStory: number | string
    tecartDraftStory: number | string
    /** TecArt story sent back with a review comment. */
    tecartReviewedStory: number | string
  }
  slugs: Record<
    'draftProject' | 'pendingProject' | 'draftEvent' | 'draftMember' | 'draftStory',
    string
  >
  /** Markers written by the editors or Q-SOFT: unpublished, invisible to anonymous callers. */
  markers: Record<
    | 'draftProject'
    | 'pendingProject'
    | 'draftEvent'
    | 'draftMember'
    | 'draftStory'
    | 'pendingStory'
    | 'pendingProfile',
    string
  >
  /** TecArt's own unpublished or private texts: invisible to anonymous callers and Q-SOFT. */
  tecartMarkers: Record<'draftStory' | 'pendingCity' | 'contact' | 'reviewComment', string>
  /** Ids of versions of the documents above, per collection. */
  versionIds: Record<'projects' | 'stories' | 'members' | 'events', Array<number | string>>
}

const expectStatus = (reply: Reply, status: number, what: string): Json => {
  if (reply.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${reply.status} ${reply.text.slice(0, 500)}`)
  }
  return reply.json ?? {}
}

export const loginAll = async (client: HubClient): Promise<Tokens> => ({
  admin: await client.login(demo.admin),
  editor: await client.login(demo.editor),
  qsoft: await client.login(demo.qsoft),
  tecart: await client.login(demo.tecart),
})

/** Builds the leak fixtures through the REST API, as the editors and members would. */
export const createLeakFixtures = async (client: HubClient): Promise<LeakFixtures> => {
  const tokens = await loginAll(client)
  const nonce = crypto.randomBytes(3).toString('hex')
  const m = {
    draftProject: marker('DraftProject'),
    pendingProject: marker('PendingProject'),
    draftEvent: marker('DraftEvent'),
    draftMember: marker('DraftMember'),
    draftStory: marker('DraftStory'),
    pendingStory: marker('PendingStory'),
    pendingProfile: marker('PendingProfile'),
  }
  const t = {
    draftStory: marker('TecartDraft'),
    pendingCity: marker('TecartCity'),
    contact: marker('TecartContact'),
    reviewComment: marker('TecartComment'),
  }
  const post = async (path: string, body: unknown, token: string) =>
    expectStatus(await client.request('POST', path, { body, token }), 201, `POST ${path}`).doc
  const patch = async (path: string, body: unknown, token: string) =>
    expectStatus(await client.request('PATCH', path, { body, token }), 200, `PATCH ${path}`)
  const transition = async (
    collection: string,
    id: unknown,
    body: Record<string, unknown>,
    token: string,
  ) =>
    expectStatus(
      await client.request('POST', `/api/${collection}/${id}/workflow`, { body, token }),
      200,
      `${collection} ${id} ${body.transition}`,
    )
  const idBySlug = async (collection: string, slug: string) =>
    expectStatus(
      await client.get(`/api/${collection}?where[slug][equals]=${slug}&depth=0`, tokens.editor),
      200,
      `find ${slug}`,
    ).docs[0].id as number | string

  const efaProject = await idBySlug('projects', 'efa-app')
  const qsoftOrg = await idBySlug('members', 'q-soft')
  const tecartOrg = await idBySlug('members', 'tecart')

  const draftProject = await post(
    '/api/projects',
    { title: `Entwurf ${m.draftProject}`, summary: m.draftProject },
    tokens.editor,
  )
  const draftMember = await post(
    '/api/members',
    { name: `Verborgen ${m.draftMember}`, city: m.draftMember },
    tokens.editor,
  )
  const pendingProject = await post(
    '/api/projects',
    {
      title: `Öffentlich ${nonce}`,
      summary: 'öffentlich',
      _status: 'published',
      participants: [{ relationTo: 'members', value: draftMember.id }],
    },
    tokens.editor,
  )
  await patch(
    `/api/projects/${pendingProject.id}?draft=true`,
    { summary: m.pendingProject },
    tokens.editor,
  )
  const anEvent = expectStatus(
    await client.get('/api/events?limit=1&depth=0', tokens.editor),
    200,
    'events',
  ).docs[0]
  const draftEvent = await post(
    '/api/events',
    { title: `Entwurf ${m.draftEvent}`, type: anEvent.type, startsAt: anEvent.startsAt },
    tokens.editor,
  )

  const draftStory = await post(
    '/api/stories',
    { title: `Entwurf ${m.draftStory}`, project: efaProject, excerpt: m.draftStory },
    tokens.qsoft,
  )
  const pendingStory = await post(
    '/api/stories',
    { title: `Geschichte ${nonce}`, project: efaProject, excerpt: 'öffentlich' },
    tokens.qsoft,
  )
  await transition('stories', pendingStory.id, { transition: 'submit' }, tokens.qsoft)
  await transition('stories', pendingStory.id, { transition: 'approve' }, tokens.editor)
  await patch(`/api/stories/${pendingStory.id}`, { excerpt: m.pendingStory }, tokens.qsoft)

  const hiddenOrgStory = await post(
    '/api/stories',
    { title: `Geschichte verborgen ${nonce}`, project: efaProject, member: draftMember.id },
    tokens.editor,
  )
  await transition('stories', hiddenOrgStory.id, { transition: 'submit' }, tokens.editor)
  await transition('stories', hiddenOrgStory.id, { transition: 'approve' }, tokens.admin)

  await patch(`/api/members/${qsoftOrg}`, { city: m.pendingProfile }, tokens.qsoft)

  const tecartDraftStory = await post(
    '/api/stories',
    { title: `Entwurf ${t.draftStory}`, project: efaProject, excerpt: t.draftStory },
    tokens.tecart,
  )
  const tecartReviewedStory = await post(
    '/api/stories',
    { title: `Geprüft ${nonce}`, project: efaProject },
    tokens.tecart,
  )
  await transition('stories', tecartReviewedStory.id, { transition: 'submit' }, tokens.tecart)
  await transition(
    'stories',
    tecartReviewedStory.id,
    { transition: 'request_changes', comment: t.reviewComment },
    tokens.editor,
  )
  // TecArt's contact goes live through review; a later city change waits as a revision.
  await patch(
    `/api/members/${tecartOrg}`,
    { contact: { person: t.contact, email: `${t.contact.toLowerCase()}@tecart.example` } },
    tokens.tecart,
  )
  await transition('members', tecartOrg, { transition: 'submit' }, tokens.tecart)
  await transition('members', tecartOrg, { transition: 'approve' }, tokens.editor)
  await patch(`/api/members/${tecartOrg}`, { city: t.pendingCity }, tokens.tecart)

  const versionsOf = async (collection: string, ids: Array<number | string>) => {
    const found: Array<number | string> = []
    for (const id of ids) {
      const reply = await client.get(
        `/api/${collection}/versions?where[parent][equals]=${id}&limit=100&depth=0`,
        tokens.editor,
      )
      found.push(...expectStatus(reply, 200, 'versions').docs.map((doc: Json) => doc.id))
    }
    return found
  }

  return {
    tokens,
    ids: {
      efaProject,
      qsoftOrg,
      tecartOrg,
      draftProject: draftProject.id,
      pendingProject: pendingProject.id,
      draftEvent: draftEvent.id,
      draftMember: draftMember.id,
      draftStory: draftStory.id,
      pendingStory: pendingStory.id,
      hiddenOrgStory: hiddenOrgStory.id,
      tecartDraftStory: tecartDraftStory.id,
      tecartReviewedStory: tecartReviewedStory.id,
    },
    slugs: {
      draftProject: draftProject.slug,
      pendingProject: pendingProject.slug,
      draftEvent: draftEvent.slug,
      draftMember: draftMember.slug,
      draftStory: draftStory.slug,
    },
    markers: m,
    tecartMarkers: t,
    versionIds: {
      projects: await versionsOf('projects', [draftProject.id, pendingProject.id]),
      stories: await versionsOf('stories', [
        draftStory.id,
        pendingStory.id,
        tecartDraftStory.id,
        tecartReviewedStory.id,
      ]),
      members: await versionsOf('members', [draftMember.id, qsoftOrg, tecartOrg]),
      events: await versionsOf('events', [draftEvent.id]),
    },
  }
}

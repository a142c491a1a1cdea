import type { CollectionSlug, Payload } from 'payload'

import { actorNames, createActors, type ActorName, type Actors } from '../helpers/actors'
import { bootPayload, type BootedPayload } from '../helpers/bootPayload'
import { refusalStatus } from '../helpers/expectRefused'
import { pngFile } from '../helpers/pngFile'
import { testDatabaseKinds } from '../helpers/testDatabases'

/**
 * The access policy, collection × role × operation, exercised through the Local API as real
 * users (`overrideAccess: false`). Refused writes are checked against storage afterwards.
 */

type Doc = { id: number | string; [field: string]: unknown }
type Context = {
  payload: Payload
  actors: Actors
  project: Doc
  /** An organisation none of the actors belongs to. */
  thirdOrganisation: Doc
  counter: () => number
}
type Owner = 'member' | 'otherMember' | 'nobody'

type CollectionCase = {
  slug: CollectionSlug
  drafts: boolean
  versions: boolean
  /** Data a given actor would send to create a document. */
  newData: (
    ctx: Context,
    actor: ActorName,
  ) => Promise<Record<string, unknown>> | Record<string, unknown>
  /** A document created by the system, belonging to `owner`'s organisation where that applies. */
  target: (ctx: Context, options: { published: boolean; owner: Owner }) => Promise<Doc>
  /** A plain field every allowed updater may change. */
  change: { field: string; value: string }
  allowed: {
    create: ActorName[]
    readPublished: ActorName[]
    readDraft?: ActorName[]
    /** Update of a document of `member`'s organisation (or `member` itself for users). */
    updateOwn: ActorName[]
    updateForeign: ActorName[]
    deleteOwn: ActorName[]
    deleteForeign: ActorName[]
    readVersions?: ActorName[]
  }
}

const editors: ActorName[] = ['editor', 'admin']
const everybody: ActorName[] = actorNames
const signedIn: ActorName[] = ['member', 'otherMember', 'editor', 'admin']

const organisationOf = (ctx: Context, owner: Owner) =>
  owner === 'member'
    ? ctx.actors.organisation.id
    : owner === 'otherMember'
      ? ctx.actors.otherOrganisation.id
      : ctx.thirdOrganisation.id

const status = (published: boolean) => ({ _status: published ? 'published' : 'draft' })

const systemCreate = async (
  ctx: Context,
  collection: CollectionSlug,
  data: Record<string, unknown>,
  extra = {},
) => (await ctx.payload.create({ collection, data: data as never, ...extra })) as unknown as Doc

const simple = (
  slug: CollectionSlug,
  nameField: string,
  drafts: boolean,
): Omit<CollectionCase, 'allowed' | 'change'> => ({
  slug,
  drafts,
  versions: drafts,
  newData: (ctx) => {
    const n = ctx.counter()
    return {
      [nameField]: `${slug} ${n}`,
      slug: `${slug}-${n}`,
      ...(slug === 'events' ? { startsAt: '2030-05-04T08:00:00.000Z' } : {}),
    }
  },
  target: (ctx, { published }) => {
    const n = ctx.counter()
    return systemCreate(ctx, slug, {
      [nameField]: `${slug} target ${n}`,
      slug: `${slug}-target-${n}`,
      ...(slug === 'events' ? { startsAt: '2030-05-04T08:00:00.000Z' } : {}),
      ...(drafts ? status(published) : {}),
    })
  },
})

/** Projects and events: everyone reads what is published, only editors do anything else. */
const editorialContent: CollectionCase['allowed'] = {
  create: editors,
  readPublished: everybody,
  readDraft: editors,
  updateOwn: editors,
  updateForeign: editors,
  deleteOwn: editors,
  deleteForeign: editors,
  readVersions: editors,
}

const cases: CollectionCase[] = [
  {
    ...simple('projects', 'title', true),
    change: { field: 'summary', value: 'changed summary' },
    allowed: editorialContent,
  },
  {
    ...simple('events', 'title', true),
    change: { field: 'title', value: 'changed title' },
    allowed: editorialContent,
  },
  {
    ...simple('partners', 'name', false),
    change: { field: 'description', value: 'changed description' },
    allowed: {
      create: editors,
      readPublished: everybody,
      updateOwn: editors,
      updateForeign: editors,
      deleteOwn: editors,
      deleteForeign: editors,
    },
  },
  {
    ...simple('working-groups', 'name', false),
    change: { field: 'name', value: 'changed name' },
    allowed: {
      create: editors,
      readPublished: everybody,
      updateOwn: editors,
      updateForeign: editors,
      deleteOwn: editors,
      deleteForeign: editors,
    },
  },
  {
    ...simple('members', 'name', true),
    // The organisation of `member` is its own document.
    target: async (ctx, { published, owner }) => {
      if (owner === 'member') return ctx.actors.organisation as unknown as Doc
      if (owner === 'otherMember') return ctx.actors.otherOrganisation as unknown as Doc
      const n = ctx.counter()
      return systemCreate(ctx, 'members', {
        name: `Member ${n}`,
        slug: `member-${n}`,
        ...status(published),
      })
    },
    change: { field: 'city', value: 'Jena' },
    allowed: {
      create: editors,
      readPublished: everybody,
      readDraft: editors,
      updateOwn: ['member', ...editors],
      updateForeign: editors,
      deleteOwn: editors,
      deleteForeign: editors,
      // the approval workflow opens them to the organisation itself
      readVersions: ['member', ...editors],
    },
  },
  {
    slug: 'stories',
    drafts: true,
    versions: true,
    newData: (ctx, actor) => {
      const n = ctx.counter()
      const own =
        actor === 'otherMember' ? ctx.actors.otherOrganisation.id : ctx.actors.organisation.id
      return { title: `Story ${n}`, slug: `story-${n}`, project: ctx.project.id, member: own }
    },
    target: (ctx, { published, owner }) => {
      const n = ctx.counter()
      return systemCreate(ctx, 'stories', {
        title: `Story target ${n}`,
        slug: `story-target-${n}`,
        project: ctx.project.id,
        member: organisationOf(ctx, owner),
        ...status(published),
      })
    },
    change: { field: 'excerpt', value: 'changed excerpt' },
    allowed: {
      create: signedIn,
      readPublished: everybody,
      // a draft of `member`'s organisation
      readDraft: ['member', ...editors],
      updateOwn: ['member', ...editors],
      updateForeign: editors,
      deleteOwn: ['member', ...editors],
      deleteForeign: editors,
      readVersions: ['member', ...editors],
    },
  },
  {
    slug: 'media',
    drafts: false,
    versions: false,
    newData: () => ({ alt: 'Ein Bild' }),
    target: async (ctx, { owner }) => {
      const doc = await systemCreate(
        ctx,
        'media',
        { alt: 'Ziel' },
        { file: await pngFile(`t${ctx.counter()}.png`) },
      )
      const organisation = organisationOf(ctx, owner)
      return (await ctx.payload.update({
        collection: 'media',
        id: doc.id,
        data: { organisation } as never,
      })) as unknown as Doc
    },
    change: { field: 'alt', value: 'changed alt' },
    allowed: {
      create: signedIn,
      readPublished: everybody,
      updateOwn: ['member', ...editors],
      updateForeign: editors,
      deleteOwn: ['member', ...editors],
      deleteForeign: editors,
    },
  },
  {
    slug: 'users',
    drafts: false,
    versions: false,
    newData: (ctx) => {
      const n = ctx.counter()
      return {
        email: `new${n}@example.org`,
        password: 'a long enough password',
        role: 'member',
        member: ctx.actors.organisation.id,
      }
    },
    // `own` is the `member` user itself; anything else a fresh member account of the other organisation.
    target: async (ctx, { owner }) => {
      if (owner === 'member') return ctx.actors.users.member as unknown as Doc
      const n = ctx.counter()
      return systemCreate(ctx, 'users', {
        email: `target${n}@example.org`,
        password: 'a long enough password',
        role: 'member',
        member: ctx.actors.otherOrganisation.id,
      })
    },
    change: { field: 'name', value: 'Changed Name' },
    allowed: {
      create: ['admin'],
      // reading an account that is not one's own
      readPublished: ['admin'],
      updateOwn: ['member', 'admin'],
      updateForeign: ['admin'],
      deleteOwn: ['admin'],
      deleteForeign: ['admin'],
    },
  },
]

describe.each(testDatabaseKinds())('access matrix on $name', (kind) => {
  let booted: BootedPayload
  let ctx: Context

  beforeAll(async () => {
    booted = await bootPayload(kind)
    const { payload } = booted
    const actors = await createActors(payload)
    const project = (await payload.create({
      collection: 'projects',
      data: { title: 'Projekt', slug: 'projekt', _status: 'published' } as never,
    })) as unknown as Doc
    const thirdOrganisation = (await payload.create({
      collection: 'members',
      data: { name: 'Dritte GmbH', slug: 'dritte', _status: 'published' } as never,
    })) as unknown as Doc
    let n = 0
    ctx = { payload, actors, project, thirdOrganisation, counter: () => ++n }
  })

  afterAll(async () => {
    await booted?.shutdown()
  })

  const as = (actor: ActorName) => ({ user: ctx.actors.users[actor], overrideAccess: false })

  describe.each(cases)('$slug', (c) => {
    const collection = c.slug

    it.each(actorNames)('create as %s', async (actor) => {
      const data = await c.newData(ctx, actor)
      const file = collection === 'media' ? { file: await pngFile() } : {}
      const before = await ctx.payload.count({ collection })
      if (c.allowed.create.includes(actor)) {
        const doc = await ctx.payload.create({
          collection,
          data: data as never,
          ...file,
          ...as(actor),
        })
        expect(doc.id).toBeDefined()
      } else {
        await refusalStatus(() =>
          ctx.payload.create({ collection, data: data as never, ...file, ...as(actor) }),
        )
        expect((await ctx.payload.count({ collection })).totalDocs).toBe(before.totalDocs)
      }
    })

    it.each(actorNames)('read a published document as %s', async (actor) => {
      const target = await c.target(ctx, { published: true, owner: 'otherMember' })
      const read = () => ctx.payload.findByID({ collection, id: target.id, ...as(actor) })
      if (c.allowed.readPublished.includes(actor)) {
        expect((await read()).id).toEqual(target.id)
      } else {
        await refusalStatus(read)
      }
    })

    if (c.allowed.readDraft) {
      const readDraft = c.allowed.readDraft
      it.each(actorNames)("read a draft of member's organisation as %s", async (actor) => {
        const target = await c.target(ctx, {
          published: false,
          owner: collection === 'stories' ? 'member' : 'nobody',
        })
        const read = () => ctx.payload.findByID({ collection, id: target.id, ...as(actor) })
        const list = await ctx.payload
          .find({ collection, where: { id: { equals: target.id } }, ...as(actor) })
          .then((result) => result.docs.length)
        if (readDraft.includes(actor)) {
          expect((await read()).id).toEqual(target.id)
          expect(list).toBe(1)
        } else {
          await refusalStatus(read)
          expect(list).toBe(0)
        }
      })
    }

    const updateRow = (owner: Owner, allowed: ActorName[]) => async (actor: ActorName) => {
      const target = await c.target(ctx, { published: true, owner })
      const value = `${c.change.value} by ${actor} ${ctx.counter()}`
      const update = () =>
        ctx.payload.update({
          collection,
          id: target.id,
          data: { [c.change.field]: value } as never,
          ...as(actor),
        })
      if (allowed.includes(actor)) {
        await update()
      } else {
        await refusalStatus(update)
      }
      // Under review an accepted edit is a pending revision: read the latest version.
      const stored = await ctx.payload.findByID({
        collection,
        id: target.id,
        depth: 0,
        draft: c.drafts,
      })
      expect((stored as unknown as Record<string, unknown>)[c.change.field] === value).toBe(
        allowed.includes(actor),
      )
    }
    it.each(actorNames)("update a document of member's organisation as %s", (actor) =>
      updateRow('member', c.allowed.updateOwn)(actor),
    )
    it.each(actorNames)("update a document of no actor's organisation as %s", (actor) =>
      updateRow('nobody', c.allowed.updateForeign)(actor),
    )

    const deleteRow = (owner: Owner, allowed: ActorName[]) => async (actor: ActorName) => {
      // Deleting the shared organisations or the member user would break other rows.
      const fresh = collection === 'members' || collection === 'users' ? 'nobody' : owner
      const target = await c.target(ctx, { published: true, owner: fresh })
      const remove = () => ctx.payload.delete({ collection, id: target.id, ...as(actor) })
      if (allowed.includes(actor)) {
        await remove()
      } else {
        await refusalStatus(remove)
      }
      const left = await ctx.payload.find({
        collection,
        where: { id: { equals: target.id } },
        depth: 0,
      })
      expect(left.docs.length).toBe(allowed.includes(actor) ? 0 : 1)
    }
    if (collection !== 'members' && collection !== 'users') {
      it.each(actorNames)("delete a document of member's organisation as %s", (actor) =>
        deleteRow('member', c.allowed.deleteOwn)(actor),
      )
    }
    it.each(actorNames)("delete a document of no actor's organisation as %s", (actor) =>
      deleteRow('nobody', c.allowed.deleteForeign)(actor),
    )

    if (c.versions && c.allowed.readVersions) {
      const readVersions = c.allowed.readVersions
      it.each(actorNames)(
        "read the version history of member's organisation as %s",
        async (actor) => {
          const target = await c.target(ctx, { published: false, owner: 'member' })
          const read = () =>
            ctx.payload.findVersions({
              collection,
              where: { parent: { equals: target.id } },
              ...as(actor),
            })
          if (readVersions.includes(actor)) {
            expect((await read()).totalDocs).toBeGreaterThan(0)
          } else {
            // Refused outright, or filtered down to nothing.
            const seen = await read().then(
              (result) => result.totalDocs,
              (error: { status?: number }) => (error.status === 403 ? 0 : Promise.reject(error)),
            )
            expect(seen).toBe(0)
          }
        },
      )
    }
  })
})

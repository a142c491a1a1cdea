import type { Payload } from 'payload'

import type { Member, Story } from '../../src/payload-types'
import { createActors, type Actors } from '../helpers/actors'
import { bootPayload, type BootedPayload } from '../helpers/bootPayload'
import { testDatabaseKinds } from '../helpers/testDatabases'

/** The rules beyond the access matrix: who may set what, what stays private, what is valid. */

const errorOf = async (action: () => Promise<unknown>) => {
  try {
    await action()
  } catch (error) {
    return error as {
      status: number
      message: string
      data?: { errors?: { path: string; message: string }[] }
    }
  }
  throw new Error('expected an error')
}

describe.each(testDatabaseKinds())('content rules on $name', (kind) => {
  let booted: BootedPayload
  let payload: Payload
  let actors: Actors
  let projectId: number | string

  beforeAll(async () => {
    booted = await bootPayload(kind)
    payload = booted.payload
    actors = await createActors(payload)
    const project = await payload.create({
      collection: 'projects',
      data: { title: 'EFA', slug: 'efa', _status: 'published' } as never,
    })
    projectId = project.id
  })

  afterAll(async () => {
    await booted?.shutdown()
  })

  const as = (actor: keyof Actors['users']) => ({
    user: actors.users[actor],
    overrideAccess: false,
  })

  describe('stories', () => {
    it('should refuse a member publishing a new story and store nothing', async () => {
      const before = await payload.count({ collection: 'stories' })
      const error = await errorOf(() =>
        payload.create({
          collection: 'stories',
          data: { title: 'Sofort live', project: projectId, _status: 'published' } as never,
          ...as('member'),
        }),
      )
      expect(error.status).toBe(403)
      expect(error.message).toContain('_status')
      expect((await payload.count({ collection: 'stories' })).totalDocs).toBe(before.totalDocs)
    })

    it('should refuse a member publishing its own draft and keep it a draft', async () => {
      const draft = await payload.create({
        collection: 'stories',
        data: { title: 'Entwurf', project: projectId } as never,
        ...as('member'),
      })
      const error = await errorOf(() =>
        payload.update({
          collection: 'stories',
          id: draft.id,
          data: { _status: 'published' },
          ...as('member'),
        }),
      )
      expect(error.status).toBe(403)
      const stored = await payload.findByID({ collection: 'stories', id: draft.id })
      expect(stored._status).toBe('draft')
      const anonymous = await payload.find({
        collection: 'stories',
        where: { id: { equals: draft.id } },
        overrideAccess: false,
      })
      expect(anonymous.docs).toHaveLength(0)
    })

    it("should attribute a member's story to its organisation and author", async () => {
      const story = (await payload.create({
        collection: 'stories',
        data: { title: 'Unsere App', project: projectId } as never,
        ...as('member'),
      })) as Story
      const stored = await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })
      expect(stored.member).toEqual(actors.organisation.id)
      expect(stored.author).toEqual(actors.users.member!.id)
      expect(stored.slug).toBe('unsere-app')
    })

    it('should refuse a member writing a story for another organisation', async () => {
      const error = await errorOf(() =>
        payload.create({
          collection: 'stories',
          data: {
            title: 'Fremd',
            project: projectId,
            member: actors.otherOrganisation.id,
          } as never,
          ...as('member'),
        }),
      )
      expect(error.status).toBe(403)
      expect(error.message).toContain('member')
    })

    it('should hide the author of a published story from anonymous readers', async () => {
      // Written by the editor, published by the workflow (here: the system).
      const draft = await payload.create({
        collection: 'stories',
        data: { title: 'Öffentlich', project: projectId, member: actors.organisation.id } as never,
        ...as('editor'),
      })
      const story = await payload.update({
        collection: 'stories',
        id: draft.id,
        data: { _status: 'published', workflow: { state: 'published' } } as never,
      })
      const anonymous = await payload.findByID({
        collection: 'stories',
        id: story.id,
        overrideAccess: false,
      })
      expect(anonymous.title).toBe('Öffentlich')
      expect(anonymous).not.toHaveProperty('author')
      const editor = await payload.findByID({
        collection: 'stories',
        id: story.id,
        depth: 0,
        ...as('editor'),
      })
      expect(editor.author).toEqual(actors.users.editor!.id)
      expect(editor.publishedAt).toBeTruthy()
    })
  })

  describe('members', () => {
    it('should refuse a member changing its membership type, naming the field', async () => {
      const error = await errorOf(() =>
        payload.update({
          collection: 'members',
          id: actors.organisation.id,
          data: { membershipType: 'associated' },
          ...as('member'),
        }),
      )
      expect(error.status).toBe(403)
      expect(error.message).toContain('membershipType')
      const stored = await payload.findByID({ collection: 'members', id: actors.organisation.id })
      expect(stored.membershipType).toBe('ordinary')
    })

    it('should show contact details only to editors and the organisation itself', async () => {
      await payload.update({
        collection: 'members',
        id: actors.organisation.id,
        data: { contact: { person: 'Erika Muster', email: 'erika@muster.example' } },
      })
      const read = async (actor: keyof Actors['users']) =>
        (await payload.findByID({
          collection: 'members',
          id: actors.organisation.id,
          ...as(actor),
        })) as Member
      expect((await read('anonymous')).contact).toBeUndefined()
      expect((await read('otherMember')).contact).toBeUndefined()
      expect((await read('member')).contact?.email).toBe('erika@muster.example')
      expect((await read('editor')).contact?.email).toBe('erika@muster.example')
    })

    it('should refuse a website that is not an http(s) address', async () => {
      const error = await errorOf(() =>
        payload.update({
          collection: 'members',
          id: actors.organisation.id,
          data: { website: 'javascript:alert(1)' },
          ...as('member'),
        }),
      )
      expect(error.status).toBe(400)
      expect(JSON.stringify(error.data)).toContain('website')
    })
  })

  describe('users', () => {
    it('should refuse a member raising its own role and keep the stored role', async () => {
      const error = await errorOf(() =>
        payload.update({
          collection: 'users',
          id: actors.users.member!.id,
          data: { role: 'admin' },
          ...as('member'),
        }),
      )
      expect(error.status).toBe(403)
      expect(error.message).toContain('role')
      const stored = await payload.findByID({ collection: 'users', id: actors.users.member!.id })
      expect(stored.role).toBe('member')
    })

    it('should refuse a member account without an organisation', async () => {
      const error = await errorOf(() =>
        payload.create({
          collection: 'users',
          data: { email: 'lost@example.org', password: 'a long enough password', role: 'member' },
          ...as('admin'),
        }),
      )
      expect(error.status).toBe(400)
      expect(error.message).toContain('member')
    })

    it('should let only admins unlock an account', async () => {
      // Payload's type asks for a password, which unlock does not use.
      const data = { email: actors.users.otherMember!.email } as never
      for (const actor of ['member', 'editor'] as const) {
        const error = await errorOf(() =>
          payload.unlock({ collection: 'users', data, ...as(actor) }),
        )
        expect(error.status).toBe(403)
      }
      await payload.unlock({ collection: 'users', data, ...as('admin') })
    })

    it('should let members see only their own account', async () => {
      const result = await payload.find({ collection: 'users', ...as('member') })
      expect(result.docs.map((user) => user.id)).toEqual([actors.users.member!.id])
    })
  })

  describe('events and slugs', () => {
    it('should refuse an event that ends before it starts, naming endsAt', async () => {
      const error = await errorOf(() =>
        payload.create({
          collection: 'events',
          data: {
            title: 'Rückwärts',
            startsAt: '2030-01-02T10:00:00.000Z',
            endsAt: '2030-01-01T10:00:00.000Z',
          } as never,
          ...as('editor'),
        }),
      )
      expect(error.status).toBe(400)
      expect(error.message).toContain('endsAt')
    })

    it('should derive a German-aware slug and refuse a malformed one', async () => {
      const event = await payload.create({
        collection: 'events',
        data: { title: 'Digitaltag Thüringen Süd', startsAt: '2030-06-15T08:00:00.000Z' } as never,
        ...as('editor'),
      })
      expect(event.slug).toBe('digitaltag-thueringen-sued')
      const error = await errorOf(() =>
        payload.create({
          collection: 'partners',
          data: { name: 'Schlecht', slug: 'Nicht OK!' } as never,
          ...as('editor'),
        }),
      )
      expect(error.status).toBe(400)
      expect(JSON.stringify(error.data)).toContain('slug')
    })

    it('should refuse a second document with the same slug', async () => {
      await payload.create({
        collection: 'partners',
        data: { name: 'Einmalig', slug: 'einmalig' } as never,
      })
      const error = await errorOf(() =>
        payload.create({
          collection: 'partners',
          data: { name: 'Zweimal', slug: 'einmalig' } as never,
          ...as('editor'),
        }),
      )
      expect(error.status).toBe(400)
      expect(JSON.stringify(error.data ?? error.message)).toContain('slug')
    })
  })

  describe('media', () => {
    it("should keep a member's upload with its organisation, which the member cannot change", async () => {
      const data = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      )
      const upload = await payload.create({
        collection: 'media',
        data: { alt: 'Logo' },
        file: { data, mimetype: 'image/png', name: 'logo.png', size: data.length },
        ...as('member'),
      })
      const organisation = (doc: unknown) => (doc as { organisation: unknown }).organisation
      expect(
        organisation(await payload.findByID({ collection: 'media', id: upload.id, depth: 0 })),
      ).toEqual(actors.organisation.id)
      const error = await errorOf(() =>
        payload.update({
          collection: 'media',
          id: upload.id,
          data: { organisation: actors.otherOrganisation.id } as never,
          ...as('member'),
        }),
      )
      expect(error.status).toBe(403)
      expect(
        organisation(await payload.findByID({ collection: 'media', id: upload.id, depth: 0 })),
      ).toEqual(actors.organisation.id)
    })

    it('should refuse an SVG (active content) and keep nothing', async () => {
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      )
      const before = (await payload.count({ collection: 'media' })).totalDocs
      const error = await errorOf(() =>
        payload.create({
          collection: 'media',
          data: { alt: 'Logo' },
          file: { data: svg, mimetype: 'image/svg+xml', name: 'logo.svg', size: svg.length },
          ...as('member'),
        }),
      )
      expect(error.status).toBe(400)
      expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
    })
  })

  describe('localization and pages', () => {
    it('should fall back to German where the English text is missing', async () => {
      const project = await payload.create({
        collection: 'projects',
        data: { title: 'Nur Deutsch', summary: 'Kurz', _status: 'published' } as never,
        locale: 'de',
      })
      await payload.update({
        collection: 'projects',
        id: project.id,
        locale: 'en',
        data: { title: 'English only title' },
      })
      const english = await payload.findByID({
        collection: 'projects',
        id: project.id,
        locale: 'en',
        overrideAccess: false,
      })
      expect(english.title).toBe('English only title')
      expect(english.summary).toBe('Kurz')
    })

    it('should cap page sizes for callers outside the editorial team', async () => {
      for (const unbounded of [{ pagination: false }, { limit: 0 }]) {
        const error = await errorOf(() =>
          payload.find({ collection: 'partners', ...unbounded, overrideAccess: false }),
        )
        expect(error.status).toBe(400)
        expect(error.message).toContain('PAGE_SIZE_REFUSED')
      }
      const huge = await payload.find({
        collection: 'partners',
        limit: 5000,
        overrideAccess: false,
      })
      expect(huge.limit).toBe(100)
      const editor = await payload.find({ collection: 'partners', limit: 500, ...as('editor') })
      expect(editor.limit).toBe(500)
    })

    it('should populate every related document for anonymous readers, beyond a page of 10', async () => {
      const partners = await Promise.all(
        Array.from({ length: 14 }, (_, index) =>
          payload.create({
            collection: 'partners',
            data: { name: `Beteiligter ${index}` } as never,
          }),
        ),
      )
      const project = await payload.create({
        collection: 'projects',
        data: {
          title: 'Viele Beteiligte',
          _status: 'published',
          participants: partners.map((partner) => ({ relationTo: 'partners', value: partner.id })),
        } as never,
      })
      const read = await payload.findByID({
        collection: 'projects',
        id: project.id,
        depth: 1,
        overrideAccess: false,
      })
      const names = (read.participants ?? []).map((participant) =>
        typeof participant.value === 'object' ? participant.value.name : participant.value,
      )
      expect(names).toEqual(partners.map((partner) => partner.name))
    })
  })
})

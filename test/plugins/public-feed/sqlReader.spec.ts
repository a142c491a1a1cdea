import type { CollectionSlug, Payload } from 'payload'

import { sqlAdapterOf, sqlFind } from '../../../plugins/public-feed/data/sqlReader'
import {
  allPublicSelect,
  type PublicCollection,
} from '../../../plugins/public-feed/mapping/publicFields'
import { seed } from '../../../src/seed/seed'
import { bootPayload, type BootedPayload } from '../../helpers/bootPayload'
import { pngFile } from '../../helpers/pngFile'
import { testDatabaseKinds } from '../../helpers/testDatabases'

type Doc = Record<string, unknown>

/** Only what both readers are asked for, with empty translations dropped on both sides. */
const comparable = (doc: Doc, fields: string[]) =>
  Object.fromEntries(
    ['id', ...fields].map((field) => {
      const value = doc[field]
      if (value && typeof value === 'object' && !Array.isArray(value) && !('root' in value)) {
        return [
          field,
          Object.fromEntries(
            Object.entries(value).filter(([, inner]) => inner !== null && inner !== undefined),
          ),
        ]
      }
      return [field, value ?? null]
    }),
  )

/**
 * The feed's SQL reader returns exactly what Payload's own adapter `find` returns for the same
 * fields, on every public collection: it reads Payload's tables, so a schema change that it
 * does not understand must fail here, not leak or lose data in the feed.
 */
describe.each(testDatabaseKinds().filter((kind) => kind.name !== 'mongodb'))(
  'the feed SQL reader on $name',
  (kind) => {
    let booted: BootedPayload
    let payload: Payload

    beforeAll(async () => {
      booted = await bootPayload(kind)
      payload = booted.payload
      await seed(payload, { demoUsers: true, demoPassword: 'reader-test-password' })
      const logo = await payload.create({
        collection: 'media',
        data: { alt: 'Logo' },
        file: await pngFile('logo.png'),
      })
      await payload.update({
        collection: 'media',
        id: logo.id,
        data: { alt: 'Logo (English)' },
        locale: 'en',
      })
      const qsoft = await payload.find({
        collection: 'members',
        where: { slug: { equals: 'q-soft' } },
      })
      const efa = await payload.find({
        collection: 'projects',
        where: { slug: { equals: 'efa-app' } },
      })
      await payload.create({
        collection: 'stories',
        data: {
          title: 'Eine Geschichte',
          excerpt: 'Kurz',
          project: efa.docs[0].id,
          member: qsoft.docs[0].id,
          _status: 'published',
          workflow: { state: 'published' },
        } as never,
        context: { seed: true },
      })
    }, 300_000)
    afterAll(async () => booted?.shutdown())

    it.each([
      'projects',
      'events',
      'members',
      'stories',
      'partners',
      'media',
    ] as PublicCollection[])('should read %s as the adapter does', async (collection) => {
      const select = allPublicSelect(collection)
      const fields = Object.keys(select)
      const ours = await sqlFind(payload, sqlAdapterOf(payload)!, collection, {
        where: {},
        sort: ['id'],
        select,
      })
      const theirs = await payload.db.find({
        collection: collection as CollectionSlug,
        where: {},
        sort: 'id',
        pagination: false,
        locale: 'all',
        select: { ...select, id: true },
      })
      expect(ours.length).toBeGreaterThan(0)
      expect(ours.map((doc) => comparable(doc, fields))).toEqual(
        (theirs.docs as Doc[]).map((doc) => comparable(doc, fields)),
      )
    })
  },
)

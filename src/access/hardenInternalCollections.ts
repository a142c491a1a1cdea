import type {
  Access,
  CollectionConfig,
  CollectionSlug,
  PayloadRequest,
  SanitizedConfig,
  Where,
} from 'payload'

import { isAdmin } from './isAdmin'
import { isSignedIn } from './isSignedIn'
import { nobody } from './nobody'
import { isAdminUser } from './roles'

type ExplicitAccess = Required<
  Pick<
    NonNullable<CollectionConfig['access']>,
    'create' | 'read' | 'update' | 'delete' | 'readVersions' | 'unlock'
  >
>

const lockedDocumentsSlug = 'payload-locked-documents'

/** Rows whose `user` is the caller (preferences, document locks). */
const ownRows = (req: PayloadRequest): Where => ({
  and: [
    { 'user.value': { equals: req.user!.id } },
    { 'user.relationTo': { equals: req.user!.collection } },
  ],
})

/** Payload stores nav, list-column and document preferences per user: each user its own rows. */
const ownPreferences: Access = ({ req }) => (req.user ? ownRows(req) : false)

type LockTarget = { document?: { relationTo: string; value: unknown } | null; globalSlug?: unknown }

const idOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : value

/** Whether `user` may update the document or global a lock points at (its own access rule). */
const mayEditTargets = async (req: PayloadRequest, targets: LockTarget[]): Promise<boolean[]> => {
  const byCollection = new Map<string, unknown[]>()
  for (const target of targets) {
    if (target.document?.relationTo) {
      const ids = byCollection.get(target.document.relationTo) ?? []
      ids.push(idOf(target.document.value))
      byCollection.set(target.document.relationTo, ids)
    }
  }
  const editable = new Map<string, Set<string>>()
  for (const [slug, ids] of byCollection) {
    const collection = req.payload.collections[slug as CollectionSlug]
    const rule = collection?.config.access.update
    const result = rule ? await rule({ req }) : false
    if (result === true) {
      editable.set(slug, new Set(ids.map(String)))
    } else if (result) {
      const found = await req.payload.find({
        collection: slug as CollectionSlug,
        where: { and: [{ id: { in: ids } }, result as Where] },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      editable.set(slug, new Set(found.docs.map((doc) => String(doc.id))))
    }
  }
  return Promise.all(
    targets.map(async (target) => {
      if (target.document?.relationTo) {
        return Boolean(
          editable.get(target.document.relationTo)?.has(String(idOf(target.document.value))),
        )
      }
      const global = req.payload.config.globals.find((g) => g.slug === target.globalSlug)
      return Boolean(global && (await global.access.update?.({ req })))
    }),
  )
}

/**
 * Payload's admin reads the locks of the documents a user opens (to show "locked by", to take
 * over, to unlock on leaving) and otherwise writes them past access. A user sees and removes
 * the locks it holds and those on documents it may edit, nobody else's.
 */
const ownOrEditableLocks: Access = async ({ req }) => {
  if (!req.user) return false
  if (isAdminUser(req.user)) return true
  const locks = await req.payload.find({
    collection: lockedDocumentsSlug,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const targets = locks.docs as unknown as (LockTarget & { id: number | string })[]
  const allowed = await mayEditTargets(req, targets)
  const ids = targets.filter((_, index) => allowed[index]).map((lock) => lock.id)
  return ids.length > 0 ? { or: [ownRows(req), { id: { in: ids } }] } : ownRows(req)
}

type LockData = LockTarget & { user?: { relationTo?: string; value?: unknown } | null }

const statesSelf = (req: PayloadRequest, data: LockData) =>
  String(idOf(data.user?.value)) === String(req.user!.id) &&
  (data.user?.relationTo ?? req.user!.collection) === req.user!.collection

/** A lock is taken by the user itself, on a document it may edit. */
const takeOwnLock: Access = async ({ req, data }) => {
  if (!req.user) return false
  if (isAdminUser(req.user)) return true
  const lock = (data ?? {}) as LockData
  if (!statesSelf(req, lock)) return false
  if (!lock.document && !lock.globalSlug) return false
  const [allowed] = await mayEditTargets(req, [lock])
  return Boolean(allowed)
}

/** Taking over a lock (Payload's admin patches `user`) hands it to oneself, never to another. */
const takeOverLock: Access = async (args) => {
  const { req, data } = args
  if (!req.user) return false
  if (isAdminUser(req.user)) return true
  const lock = (data ?? {}) as LockData
  if ('document' in lock || 'globalSlug' in lock) return false
  if (lock.user !== undefined && !statesSelf(req, lock)) return false
  return ownOrEditableLocks(args)
}

const internalAccess: Record<string, ExplicitAccess> = {
  // Written by `payload migrate`, which runs past access; deleting a row would rerun a migration.
  'payload-migrations': {
    create: nobody,
    read: isAdmin,
    update: nobody,
    delete: nobody,
    readVersions: nobody,
    unlock: nobody,
  },
  // The key-value store (caches, internal state) is used through `payload.kv`, never the API.
  'payload-kv': {
    create: nobody,
    read: nobody,
    update: nobody,
    delete: nobody,
    readVersions: nobody,
    unlock: nobody,
  },
  // The server's runner queues and updates jobs past access; admins may inspect and remove them.
  'payload-jobs': {
    create: nobody,
    read: isAdmin,
    update: nobody,
    delete: isAdmin,
    readVersions: nobody,
    unlock: nobody,
  },
  // The `user` field is always set from the request, so a created row is the creator's own.
  'payload-preferences': {
    create: isSignedIn,
    read: ownPreferences,
    update: ownPreferences,
    delete: ownPreferences,
    readVersions: nobody,
    unlock: nobody,
  },
  [lockedDocumentsSlug]: {
    create: takeOwnLock,
    read: ownOrEditableLocks,
    update: takeOverLock,
    delete: ownOrEditableLocks,
    readVersions: nobody,
    unlock: nobody,
  },
}

/**
 * Payload adds collections of its own whose defaults let every signed-in user (members
 * included) in, or that state only some operations. Each gets every operation stated here.
 */
export const hardenInternalCollections = (config: SanitizedConfig): SanitizedConfig => {
  for (const collection of config.collections) {
    const access = internalAccess[collection.slug]
    if (access) collection.access = { ...collection.access, ...access }
  }
  return config
}

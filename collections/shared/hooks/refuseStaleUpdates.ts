import {
  APIError,
  getLatestCollectionVersion,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  type Where,
} from 'payload'

type UpdateArgs = {
  id?: number | string
  data?: Record<string, unknown>
  where?: Where
}

type Stated = { at: Date; source: 'body' | 'header' }

/** Requests whose `If-Unmodified-Since` has been applied: nested writes of hooks skip it. */
const headerApplied = new WeakSet<PayloadRequest>()

const conflict = (stored: string, stated: Stated) =>
  new APIError(
    `The document was changed after the version this save is based on (stored updatedAt ${stored}, ` +
      `${stated.source === 'header' ? 'If-Unmodified-Since' : 'stated updatedAt'} ` +
      `${stated.source === 'header' ? stated.at.toUTCString() : stated.at.toISOString()}); ` +
      'nothing was saved. Reload it and apply the changes again (STALE_UPDATE).',
    409,
    { code: 'STALE_UPDATE', updatedAt: stored },
    true,
  )

const isStale = (stored: Date, stated: Stated) =>
  stated.source === 'body'
    ? stored.getTime() !== stated.at.getTime()
    : // HTTP dates have second precision: stale when the stored second is later.
      Math.floor(stored.getTime() / 1000) > Math.floor(stated.at.getTime() / 1000)

/** The header counts for the REST request's own document(s), not for writes its hooks make. */
const headerFor = (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: UpdateArgs['id'],
): Stated | undefined => {
  const value = req.headers?.get('if-unmodified-since')
  if (!value || req.payloadAPI !== 'REST' || headerApplied.has(req)) return undefined
  const route = req.routeParams as { collection?: string; id?: unknown } | undefined
  if (route?.collection !== collection.slug) return undefined
  if (id !== undefined ? String(route.id) !== String(id) : route.id !== undefined) return undefined
  headerApplied.add(req)
  const at = new Date(value)
  // RFC 9110: a value that is no HTTP date is ignored.
  return Number.isNaN(at.getTime()) ? undefined : { at, source: 'header' }
}

/**
 * Payload's admin panel submits its forms as multipart (`_payload`) with the `updatedAt` it
 * loaded, and keeps sending that one after its own saves: taken as a statement, every second
 * save in the same form would be refused. The panel has its own stale-data warning; multipart
 * callers state their version with `If-Unmodified-Since`.
 */
const isAdminPanelForm = (req: PayloadRequest) =>
  req.payloadAPI === 'REST' &&
  (req.headers?.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')

/** The caller's own update rule (its rows only), so a conflict never reveals another row. */
const updatableWhere = async (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  args: UpdateArgs,
  overrideAccess: boolean | undefined,
): Promise<Where | false> => {
  const own: Where = args.id !== undefined ? { id: { equals: args.id } } : (args.where ?? {})
  if (overrideAccess) return own
  const rule = await collection.access.update({ req, id: args.id as number, data: args.data })
  if (!rule) return false
  return rule === true ? own : { and: [own, rule] }
}

const storedUpdatedAt = async (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  args: UpdateArgs,
  where: Where,
): Promise<string[]> => {
  if (args.id !== undefined) {
    // What Payload itself will update: the latest version (a newer draft included).
    const latest = await getLatestCollectionVersion<{ id: number | string; updatedAt?: string }>({
      id: args.id,
      config: collection,
      payload: req.payload,
      query: { collection: collection.slug, locale: req.locale ?? undefined, req, where },
      req,
    })
    return latest?.updatedAt ? [latest.updatedAt] : []
  }
  const found = await req.payload.find({
    collection: collection.slug,
    where,
    draft: Boolean(collection.versions && collection.versions.drafts),
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return found.docs.map((doc) => String((doc as { updatedAt?: string }).updatedAt))
}

/**
 * Lost updates: a save that states the version it is based on, as `updatedAt` in a JSON or
 * GraphQL body (exact) or an `If-Unmodified-Since` header (to the second), is refused with 409
 * when the stored document has changed since. The stated `updatedAt` is always removed:
 * Payload sets its own.
 */
export const refuseStaleUpdates: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'update') return args
  const updateArgs = args as UpdateArgs
  const stated: Stated[] = []
  if (updateArgs.data && 'updatedAt' in updateArgs.data) {
    const { updatedAt, ...rest } = updateArgs.data
    updateArgs.data = rest
    const at = typeof updatedAt === 'string' ? new Date(updatedAt) : undefined
    if (updatedAt !== null && updatedAt !== undefined && !isAdminPanelForm(req)) {
      if (!at || Number.isNaN(at.getTime())) {
        throw new APIError(
          'updatedAt must be the ISO date of the version this save is based on.',
          400,
          { code: 'INVALID_UPDATED_AT' },
          true,
        )
      }
      stated.push({ at, source: 'body' })
    }
  }
  const header = headerFor(req, collection, updateArgs.id)
  if (header) stated.push(header)
  if (stated.length === 0) return args

  const where = await updatableWhere(req, collection, updateArgs, overrideAccess)
  // Without the right to update, Payload's own access check answers.
  if (!where) return args
  for (const stored of await storedUpdatedAt(req, collection, updateArgs, where)) {
    const stale = stated.find((statement) => isStale(new Date(stored), statement))
    if (stale) throw conflict(new Date(stored).toISOString(), stale)
  }
  return args
}

import { sqlAdapterOf, sqlCount, sqlFind, UnsupportedQuery } from './sqlReader'
import { createLocalReq, type CollectionSlug, type Payload, type Sort, type Where } from 'payload'

/** Collections without drafts (partners, images) are public as stored. */
const draftsEnabled = (payload: Payload, collection: string): boolean =>
  Boolean(payload.collections[collection as CollectionSlug]?.config.versions?.drafts)

// public: the one filter every feed read goes through; drafts and pending revisions live in
// the versions tables, and a document that is not published here is not public.
export const publishedWhere = (payload: Payload, collection: string, where?: Where): Where => {
  if (!draftsEnabled(payload, collection)) return where ?? {}
  const published: Where = { _status: { equals: 'published' } }
  return where ? { and: [published, where] } : published
}

const anonymousRules = new WeakMap<Payload, Map<string, Promise<Where | boolean>>>()

/**
 * The collection's own read rule for an anonymous caller, asked once per process: a second
 * wall behind the feed's filter and allowlist (a collection closed to the public stays closed
 * in the feed), at no cost per request.
 */
const anonymousReadRule = (payload: Payload, collection: string): Promise<Where | boolean> => {
  let rules = anonymousRules.get(payload)
  if (!rules) anonymousRules.set(payload, (rules = new Map()))
  let rule = rules.get(collection)
  if (!rule) {
    const read = payload.collections[collection as CollectionSlug]?.config.access.read
    rule = read
      ? createLocalReq({}, payload).then(async (req) => (await read({ req })) as Where | boolean)
      : Promise.resolve(false)
    rules.set(collection, rule)
  }
  return rule
}

const withAnonymousRule = async (
  payload: Payload,
  collection: string,
  where?: Where,
): Promise<Where | null> => {
  const rule = await anonymousReadRule(payload, collection)
  if (rule === false) return null
  const filter = publishedWhere(payload, collection, where)
  return rule === true ? filter : { and: [rule, filter] }
}

const warned = new Set<string>()
const warnOnce = (payload: Payload, message: string) => {
  if (warned.has(message)) return
  warned.add(message)
  payload.logger.warn(message)
}

export type PublishedQuery = {
  where?: Where
  sort?: Sort
  limit?: number
  /** The stored fields to read; everything else stays in the database. */
  select?: Record<string, true>
}

export type StoredDoc = Record<string, unknown> & { id: number | string }

/**
 * Published documents straight from the database adapter, every locale at once (the feed
 * picks and falls back itself). No hooks: the `publishedWhere` filter, the collection's own
 * anonymous read rule and the schema's allowlist of fields keep unpublished and internal data
 * out.
 */
export const findPublished = async (
  payload: Payload,
  collection: string,
  { where, sort, limit = 0, select }: PublishedQuery,
): Promise<StoredDoc[]> => {
  const filter = await withAnonymousRule(payload, collection, where)
  if (!filter) return []
  const adapter = sqlAdapterOf(payload)
  if (adapter && select) {
    try {
      return await sqlFind(payload, adapter, collection, {
        where: filter,
        sort: sort === undefined ? undefined : Array.isArray(sort) ? sort : [sort],
        limit,
        select,
      })
    } catch (error) {
      if (!(error instanceof UnsupportedQuery)) throw error
      warnOnce(payload, `public feed: slower adapter find for ${collection}: ${error.message}`)
    }
  }
  const result = await payload.db.find({
    collection: collection as CollectionSlug,
    where: filter,
    sort,
    limit,
    pagination: false,
    locale: 'all',
    ...(select ? { select: { ...select, id: true } } : {}),
  })
  return result.docs as StoredDoc[]
}

export const countPublished = async (
  payload: Payload,
  collection: string,
  where?: Where,
): Promise<number> => {
  const filter = await withAnonymousRule(payload, collection, where)
  if (!filter) return 0
  const adapter = sqlAdapterOf(payload)
  if (adapter) {
    try {
      return await sqlCount(payload, adapter, collection, filter)
    } catch (error) {
      if (!(error instanceof UnsupportedQuery)) throw error
    }
  }
  const { totalDocs } = await payload.db.count({
    collection: collection as CollectionSlug,
    where: filter,
  })
  return totalDocs
}

type LexicalNode = { text?: string; children?: LexicalNode[] }

const hasText = (node: LexicalNode): boolean =>
  Boolean(node.text?.trim()) || (node.children ?? []).some(hasText) || !('children' in node)

/** Empty for a reader: nothing, blank text, or rich text whose paragraphs hold no text. */
const isEmpty = (value: unknown): boolean => {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (typeof value === 'object' && 'root' in value) {
    const children = (value as { root: LexicalNode }).root.children ?? []
    return !children.some(hasText)
  }
  return false
}

/** A localized value in the wanted locale, else German (the hub's default), else null. */
export const pickLocale = <T>(value: unknown, locale: string): T | null => {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object' || Array.isArray(value)) return value as T
  const localized = value as Record<string, unknown>
  if (!isEmpty(localized[locale])) return localized[locale] as T
  return isEmpty(localized.de) ? null : (localized.de as T)
}

import type { CollectionSlug, Where } from 'payload'

import { changesSlug } from '../defaults'
import type { PublicCollection } from '../mapping/publicFields'
import type { Connection } from './connection'
import type { FeedContext, FeedLocale, FeedNode } from './context'
import {
  afterCursorWhere,
  cursorKinds,
  cursorValues,
  decodeCursor,
  encodeCursor,
  pageSize,
  type ConnectionArgs,
  type SortKey,
} from './pagination'

type ChangeRow = {
  id: number | string
  type: PublicCollection
  slug: string
  docId: string
  action: 'created' | 'updated' | 'removed'
  firstPublishedAt: string
  at: string
}

export type Change = {
  action: ChangeRow['action']
  type: PublicCollection
  slug: string
  at: string
  item: () => Promise<FeedNode | null>
}

const order: SortKey[] = [{ field: 'at', direction: 'asc', kind: 'date' }]

/**
 * What changed after `since`, oldest first, one entry per public address with its latest
 * state: an app applies the page, keeps `endCursor` (or the last `at`) and asks again.
 * "Created" means first published after `since`; a removal carries no item.
 */
export const changesResolver = async (
  _root: unknown,
  args: ConnectionArgs & { since: string; locale: FeedLocale },
  context: FeedContext,
): Promise<Connection<Change>> => {
  const first = pageSize(args.first, context.maxPageSize)
  const base: Where = { at: { greater_than: args.since } }
  const where: Where = args.after
    ? { and: [base, afterCursorWhere(order, decodeCursor(args.after, cursorKinds(order)))] }
    : base
  const result =
    first === 0
      ? { docs: [] }
      : await context.payload.db.find({
          collection: changesSlug as CollectionSlug,
          where,
          sort: ['at', 'id'],
          limit: first + 1,
          pagination: false,
        })
  const rows = result.docs as unknown as ChangeRow[]
  const edges = rows.slice(0, first).map((row) => ({
    cursor: encodeCursor(cursorValues(row, order)),
    node: {
      action:
        row.action === 'removed'
          ? 'removed'
          : row.firstPublishedAt > args.since
            ? 'created'
            : 'updated',
      type: row.type,
      slug: row.slug,
      at: row.at,
      item: async () => {
        if (row.action === 'removed') return null
        const doc = await context.byId(row.type).load(row.docId)
        return doc ? { collection: row.type, doc, locale: args.locale } : null
      },
    } satisfies Change,
  }))
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () =>
      (await context.payload.db.count({ collection: changesSlug as CollectionSlug, where: base }))
        .totalDocs,
  }
}

import type { GraphQLResolveInfo } from 'graphql'
import type { Where } from 'payload'

import { countPublished, findPublished, type StoredDoc } from '../data/readPublished'
import type { PublicCollection } from '../mapping/publicFields'
import type { FeedContext, FeedLocale, FeedNode } from './context'
import {
  afterCursorWhere,
  cursorKinds,
  cursorValues,
  decodeCursor,
  encodeCursor,
  pageSize,
  sortOf,
  type ConnectionArgs,
  type SortKey,
} from './pagination'
import { selectFor } from './selection'

export type Edge<T> = { cursor: string; node: T }

/** A Relay connection; `totalCount` costs a query only when asked for. */
export type Connection<T> = {
  edges: Edge<T>[]
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  totalCount: () => Promise<number>
}

export type ListSpec = {
  collection: PublicCollection
  sort: SortKey[]
  /** The filter from the query's arguments; `null` means "nothing can match". */
  where: Where | null
}

const emptyConnection = <T>(): Connection<T> => ({
  edges: [],
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: async () => 0,
})

/**
 * One page of published documents in keyset order: one query for the page (one row more to
 * know whether another page follows), one more only if `totalCount` is selected.
 */
export const listConnection = async (
  spec: ListSpec,
  args: ConnectionArgs & { locale: FeedLocale },
  context: FeedContext,
  info: GraphQLResolveInfo,
): Promise<Connection<FeedNode>> => {
  const first = pageSize(args.first, context.maxPageSize)
  if (spec.where === null) return emptyConnection()
  const filters: Where[] = spec.where && Object.keys(spec.where).length ? [spec.where] : []
  if (args.after) {
    filters.push(afterCursorWhere(spec.sort, decodeCursor(args.after, cursorKinds(spec.sort))))
  }
  const where: Where | undefined = filters.length ? { and: filters } : undefined
  const docs: StoredDoc[] =
    first === 0
      ? []
      : await findPublished(context.payload, spec.collection, {
          where,
          sort: sortOf(spec.sort),
          limit: first + 1,
          select: selectFor(
            info,
            spec.collection,
            ['edges', 'node'],
            spec.sort.map((key) => key.field),
          ),
        })
  const page = docs.slice(0, first)
  const edges = page.map((doc) => ({
    cursor: encodeCursor(cursorValues(doc, spec.sort)),
    node: { collection: spec.collection, doc, locale: args.locale },
  }))
  return {
    edges,
    pageInfo: { hasNextPage: docs.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    // The total of the filter, independent of the cursor.
    totalCount: () => countPublished(context.payload, spec.collection, spec.where ?? undefined),
  }
}

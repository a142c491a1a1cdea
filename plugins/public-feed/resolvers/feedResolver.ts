import type { GraphQLResolveInfo } from 'graphql'
import type { Where } from 'payload'

import { countPublished, findPublished, type StoredDoc } from '../data/readPublished'
import type { Connection } from './connection'
import type { FeedContext, FeedLocale, FeedNode } from './context'
import { decodeCursor, encodeCursor, pageSize, type ConnectionArgs } from './pagination'
import { selectFor } from './selection'

type FeedCollectionName = 'projects' | 'events' | 'stories'

/** Ties at the same instant are broken by type, then id: the order is total. */
const rank: Record<FeedCollectionName, number> = { projects: 3, events: 2, stories: 1 }

type Args = ConnectionArgs & { locale: FeedLocale; types?: FeedCollectionName[] | null }

const afterWhere = (collection: FeedCollectionName, cursor: (string | number | null)[]): Where => {
  const [at, cursorRank, id] = cursor as [string, number, number | string]
  const mine = rank[collection]
  if (mine < cursorRank) return { publishedAt: { less_than_equal: at } }
  if (mine > cursorRank) return { publishedAt: { less_than: at } }
  return {
    or: [
      { publishedAt: { less_than: at } },
      { and: [{ publishedAt: { equals: at } }, { id: { less_than: id } }] },
    ],
  }
}

const newestFirst = (a: FeedNode, b: FeedNode): number => {
  const byDate = String(b.doc.publishedAt).localeCompare(String(a.doc.publishedAt))
  if (byDate !== 0) return byDate
  const byRank = rank[b.collection as FeedCollectionName] - rank[a.collection as FeedCollectionName]
  if (byRank !== 0) return byRank
  return Number(b.doc.id) - Number(a.doc.id) || String(b.doc.id).localeCompare(String(a.doc.id))
}

/**
 * Projects, events and stories merged newest first (by first publication): one query per
 * type for a page, each cut at the cursor, then merged.
 */
export const feedResolver = async (
  _root: unknown,
  args: Args,
  context: FeedContext,
  info: GraphQLResolveInfo,
): Promise<Connection<FeedNode>> => {
  const first = pageSize(args.first, context.maxPageSize)
  const types = args.types?.length
    ? [...new Set(args.types)]
    : (['projects', 'events', 'stories'] as FeedCollectionName[])
  const cursor = args.after ? decodeCursor(args.after, ['date', 'rank', 'id']) : undefined
  const pages = await Promise.all(
    types.map(async (collection) => {
      if (first === 0) return []
      const docs: StoredDoc[] = await findPublished(context.payload, collection, {
        where: {
          and: [
            { publishedAt: { exists: true } },
            ...(cursor ? [afterWhere(collection, cursor)] : []),
          ],
        },
        sort: ['-publishedAt', '-id'],
        limit: first + 1,
        select: selectFor(info, collection, ['edges', 'node'], ['publishedAt']),
      })
      return docs.map((doc): FeedNode => ({ collection, doc, locale: args.locale }))
    }),
  )
  const merged = pages.flat().sort(newestFirst)
  const page = merged.slice(0, first)
  const edges = page.map((node) => ({
    cursor: encodeCursor([
      node.doc.publishedAt as string,
      rank[node.collection as FeedCollectionName],
      node.doc.id,
    ]),
    node,
  }))
  return {
    edges,
    pageInfo: { hasNextPage: merged.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: async () =>
      (
        await Promise.all(
          types.map((collection) =>
            countPublished(context.payload, collection, { publishedAt: { exists: true } }),
          ),
        )
      ).reduce((sum, count) => sum + count, 0),
  }
}

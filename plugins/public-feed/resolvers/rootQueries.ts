import type { GraphQLResolveInfo } from 'graphql'
import type { Where } from 'payload'

import { findPublished } from '../data/readPublished'
import type { PublicCollection } from '../mapping/publicFields'
import { listConnection, type ListSpec } from './connection'
import type { FeedContext, FeedLocale, FeedNode } from './context'
import type { ConnectionArgs, SortKey } from './pagination'
import { selectFor } from './selection'

type Args = ConnectionArgs & { locale: FeedLocale } & Record<string, unknown>

/** The id of a published document by slug; undefined when there is none. */
export const idBySlug = async (
  context: FeedContext,
  collection: PublicCollection,
  slug: string,
): Promise<number | string | undefined> => {
  const [doc] = await findPublished(context.payload, collection, {
    where: { slug: { equals: slug } },
    limit: 1,
    select: { slug: true },
  })
  return doc?.id
}

const and = (...parts: (Where | undefined)[]): Where => {
  const present = parts.filter((part): part is Where => part !== undefined)
  return present.length === 0 ? {} : present.length === 1 ? present[0] : { and: present }
}

export const projectSort: SortKey[] = [{ field: 'publishedAt', direction: 'desc', kind: 'date' }]
export const eventSort: SortKey[] = [{ field: 'startsAt', direction: 'asc', kind: 'date' }]
export const memberSort: SortKey[] = [{ field: 'name', direction: 'asc', kind: 'text' }]
export const storySort: SortKey[] = [{ field: 'publishedAt', direction: 'desc', kind: 'date' }]

const connectionResolver =
  (specOf: (args: Args, context: FeedContext) => Promise<ListSpec>) =>
  async (_root: unknown, args: Args, context: FeedContext, info: GraphQLResolveInfo) =>
    listConnection(await specOf(args, context), args, context, info)

export const projectsResolver = connectionResolver(async (args, context) => {
  let member: Where | undefined
  if (typeof args.member === 'string') {
    const id = await idBySlug(context, 'members', args.member)
    if (id === undefined) return { collection: 'projects', sort: projectSort, where: null }
    member = { participants: { equals: { relationTo: 'members', value: id } } }
  }
  return {
    collection: 'projects',
    sort: projectSort,
    where: and(
      args.topic ? { topics: { in: [args.topic] } } : undefined,
      args.status ? { status: { equals: args.status } } : undefined,
      member,
    ),
  }
})

export const eventsResolver = connectionResolver(async (args) => ({
  collection: 'events',
  sort: eventSort,
  where: and(
    args.type ? { type: { equals: args.type } } : undefined,
    // An event counts from `from` while it still runs (its end, or its start if it has none).
    args.from
      ? {
          or: [
            { endsAt: { greater_than_equal: args.from } },
            {
              and: [{ endsAt: { exists: false } }, { startsAt: { greater_than_equal: args.from } }],
            },
          ],
        }
      : undefined,
    args.to ? { startsAt: { less_than_equal: args.to } } : undefined,
  ),
}))

export const membersResolver = connectionResolver(async (args) => ({
  collection: 'members',
  sort: memberSort,
  where: and(
    args.membershipType ? { membershipType: { equals: args.membershipType } } : undefined,
    args.topic ? { topics: { in: [args.topic] } } : undefined,
  ),
}))

export const storiesResolver = connectionResolver(async (args, context) => {
  const parts: Where[] = []
  for (const [argument, collection, field] of [
    ['project', 'projects', 'project'],
    ['member', 'members', 'member'],
  ] as const) {
    const slug = args[argument]
    if (typeof slug !== 'string') continue
    const id = await idBySlug(context, collection, slug)
    if (id === undefined) return { collection: 'stories', sort: storySort, where: null }
    parts.push({ [field]: { equals: id } })
  }
  return { collection: 'stories', sort: storySort, where: and(...parts) }
})

/** `project(slug)` and friends: one published document or null. */
export const bySlugResolver =
  (collection: PublicCollection) =>
  async (
    _root: unknown,
    args: { slug: string; locale: FeedLocale },
    context: FeedContext,
    info: GraphQLResolveInfo,
  ): Promise<FeedNode | null> => {
    const [doc] = await findPublished(context.payload, collection, {
      where: { slug: { equals: args.slug } },
      limit: 1,
      select: selectFor(info, collection, []),
    })
    return doc ? { collection, doc, locale: args.locale } : null
  }

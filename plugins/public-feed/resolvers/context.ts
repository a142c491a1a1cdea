import DataLoader from 'dataloader'
import type { Payload } from 'payload'

import { findPublished, type StoredDoc } from '../data/readPublished'
import { allPublicSelect, type PublicCollection } from '../mapping/publicFields'
import { idOf } from '../utilities/idOf'

export type FeedLocale = 'de' | 'en'
type Id = number | string

/** A document on its way to the client, with the locale its query asked for. */
export type FeedNode = { collection: PublicCollection; doc: StoredDoc; locale: FeedLocale }

export type ReverseRelation = 'storiesByProject' | 'projectsByMember' | 'eventsBySeries'

/** Per request: the Payload instance, the public origin and batching loaders. */
export type FeedContext = {
  payload: Payload
  publicUrl: string
  /** Largest `first` a connection accepts. */
  maxPageSize: number
  /** Batched reads by id; `select` (default: every public field) keys its own loader. */
  byId: (
    collection: PublicCollection,
    select?: Record<string, true>,
  ) => DataLoader<Id, StoredDoc | null, string>
  reverse: (
    relation: ReverseRelation,
    select?: Record<string, true>,
  ) => DataLoader<Id, StoredDoc[], string>
}

const byIdLoader = (payload: Payload, collection: PublicCollection, select: Record<string, true>) =>
  new DataLoader<Id, StoredDoc | null, string>(
    async (ids) => {
      const docs = await findPublished(payload, collection, {
        // Change-log rows keep ids as text; SQL adapters compare numbers.
        where: {
          id: { in: ids.map((id) => (payload.db.defaultIDType === 'number' ? Number(id) : id)) },
        },
        select,
      })
      const found = new Map(docs.map((doc) => [String(doc.id), doc]))
      return ids.map((id) => found.get(String(id)) ?? null)
    },
    { cacheKeyFn: String },
  )

/** One query for all parents of a level: children found by the field that points back. */
const reverseLoader = (
  payload: Payload,
  collection: PublicCollection,
  pointer: (doc: StoredDoc) => string[],
  where: (ids: Id[]) => Record<string, unknown>,
  sort: string[],
  select: Record<string, true>,
) =>
  new DataLoader<Id, StoredDoc[], string>(
    async (ids) => {
      const docs = await findPublished(payload, collection, {
        where: where([...ids]) as never,
        sort,
        select,
      })
      const byParent = new Map<string, StoredDoc[]>()
      for (const doc of docs) {
        for (const parent of pointer(doc)) {
          byParent.set(parent, [...(byParent.get(parent) ?? []), doc])
        }
      }
      return ids.map((id) => byParent.get(String(id)) ?? [])
    },
    { cacheKeyFn: String },
  )

const reverseCollection: Record<ReverseRelation, PublicCollection> = {
  storiesByProject: 'stories',
  projectsByMember: 'projects',
  eventsBySeries: 'events',
}

export const createFeedContext = (
  payload: Payload,
  publicUrl: string,
  maxPageSize: number,
): FeedContext => {
  const byId = new Map<string, DataLoader<Id, StoredDoc | null, string>>()
  const reverse = new Map<string, DataLoader<Id, StoredDoc[], string>>()
  const keyOf = (name: string, select: Record<string, true>) =>
    `${name}|${Object.keys(select).sort().join(',')}`
  const makeReverse = (relation: ReverseRelation, select: Record<string, true>) => {
    switch (relation) {
      case 'storiesByProject':
        return reverseLoader(
          payload,
          'stories',
          (doc) => [idOf(doc.project)].filter((id): id is string => id !== undefined),
          (ids) => ({ project: { in: ids } }),
          ['-publishedAt', '-id'],
          { ...select, project: true, publishedAt: true },
        )
      case 'projectsByMember':
        return reverseLoader(
          payload,
          'projects',
          (doc) =>
            ((doc.participants as { relationTo: string; value: unknown }[] | undefined) ?? [])
              .filter((participant) => participant.relationTo === 'members')
              .map((participant) => idOf(participant.value))
              .filter((id): id is string => id !== undefined),
          // `equals` with relationTo and value matches one stored reference, not two halves.
          (ids) => ({
            or: ids.map((id) => ({
              participants: { equals: { relationTo: 'members', value: id } },
            })),
          }),
          ['-publishedAt', '-id'],
          { ...select, participants: true, publishedAt: true },
        )
      case 'eventsBySeries':
        return reverseLoader(
          payload,
          'events',
          (doc) => [idOf(doc.series)].filter((id): id is string => id !== undefined),
          (ids) => ({ series: { in: ids } }),
          ['startsAt', 'id'],
          { ...select, series: true, startsAt: true },
        )
    }
  }
  return {
    payload,
    publicUrl,
    maxPageSize,
    byId: (collection, select = allPublicSelect(collection)) => {
      const key = keyOf(collection, select)
      let loader = byId.get(key)
      if (!loader) byId.set(key, (loader = byIdLoader(payload, collection, select)))
      return loader
    },
    reverse: (relation, select) => {
      const fields = select ?? allPublicSelect(reverseCollection[relation])
      const key = keyOf(relation, fields)
      let loader = reverse.get(key)
      if (!loader) reverse.set(key, (loader = makeReverse(relation, fields)))
      return loader
    },
  }
}

import {
  GraphQLBoolean,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  GraphQLUnionType,
  type GraphQLFieldConfig,
  type GraphQLNullableType,
} from 'graphql'

import { pickLocale, type StoredDoc } from '../data/readPublished'
import type { PublicCollection } from '../mapping/publicFields'
import type { FeedContext, FeedNode, ReverseRelation } from '../resolvers/context'
import { editorStateOf, textOf, type SerializedEditorState } from '../resolvers/richText'
import {
  DatePrecisionEnum,
  EventTypeEnum,
  MemberKindEnum,
  MembershipTypeEnum,
  ProjectStatusEnum,
  TopicEnum,
} from './enums'
import { contentHtml } from '../utilities/contentHtml'
import { selectFor } from '../resolvers/selection'
import { DateTimeScalar } from './scalars'
import { idOf } from '../utilities/idOf'

type Field = GraphQLFieldConfig<FeedNode, FeedContext>
type Ref = { relationTo: string; value: unknown }

const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type)
const listOf = <T extends GraphQLNullableType>(type: T) => nonNull(new GraphQLList(nonNull(type)))

export const nodeOf = (
  collection: PublicCollection,
  doc: StoredDoc,
  locale: FeedNode['locale'],
) => ({
  collection,
  doc,
  locale,
})

const plain = (type: Field['type'], field: string, description?: string): Field => ({
  type,
  description,
  resolve: (node) => node.doc[field] ?? null,
})
const localized = (type: Field['type'], field: string, description?: string): Field => ({
  type,
  description,
  resolve: (node) => pickLocale(node.doc[field], node.locale),
})
const list = (type: Field['type'], field: string): Field => ({
  type,
  resolve: (node) => (node.doc[field] as unknown[] | null | undefined) ?? [],
})

export const RichTextType = new GraphQLObjectType<SerializedEditorState, FeedContext>({
  name: 'RichText',
  description: 'Formatted text: HTML to render, plain text to index or preview.',
  fields: {
    html: {
      type: nonNull(GraphQLString),
      description: 'HTML without a wrapping element; links are absolute.',
      resolve: (state, _args, context) => contentHtml(state, context.publicUrl),
    },
    text: { type: nonNull(GraphQLString), resolve: textOf },
  },
})
const richText = (field: string, isLocalized = true): Field => ({
  type: RichTextType,
  resolve: (node) =>
    editorStateOf(isLocalized ? pickLocale(node.doc[field], node.locale) : node.doc[field]),
})

export const ImageType = new GraphQLObjectType<FeedNode, FeedContext>({
  name: 'Image',
  description: 'An uploaded image (PNG, JPEG, WebP, GIF or AVIF).',
  fields: {
    url: {
      type: nonNull(GraphQLString),
      resolve: (node, _args, context) =>
        `${context.publicUrl}/api/media/file/${encodeURIComponent(String(node.doc.filename))}`,
    },
    alt: localized(nonNull(GraphQLString), 'alt'),
    width: plain(GraphQLInt, 'width'),
    height: plain(GraphQLInt, 'height'),
  },
})
const image = (field: string): Field => ({
  type: ImageType,
  resolve: async (node, _args, context, info) => {
    const id = idOf(node.doc[field])
    if (id === undefined) return null
    const doc = await context.byId('media', selectFor(info, 'media', [])).load(id)
    return doc ? nodeOf('media', doc, node.locale) : null
  },
})

/** A relationship to one document, null when the target is not public. */
const one = (type: () => Field['type'], field: string, collection: PublicCollection): Field => ({
  get type() {
    return type()
  },
  resolve: async (node, _args, context, info) => {
    const id = idOf(node.doc[field])
    if (id === undefined) return null
    const doc = await context.byId(collection, selectFor(info, collection, [])).load(id)
    return doc ? nodeOf(collection, doc, node.locale) : null
  },
})

/** Members and partners, in the order stored; targets that are not public are left out. */
const participants = (field: string): Field => ({
  get type() {
    return listOf(ParticipantUnion)
  },
  resolve: async (node, _args, context, info) => {
    const refs = ((node.doc[field] as Ref[] | null | undefined) ?? []).filter(
      (ref) => ref.relationTo === 'members' || ref.relationTo === 'partners',
    )
    const docs = await Promise.all(
      refs.map(async (ref) => {
        const id = idOf(ref.value)
        const collection = ref.relationTo as PublicCollection
        const select = selectFor(info, collection, [])
        const doc = id === undefined ? null : await context.byId(collection, select).load(id)
        return doc ? nodeOf(collection, doc, node.locale) : null
      }),
    )
    return docs.filter((doc) => doc !== null)
  },
})

const reverse = (
  type: () => Field['type'],
  relation: ReverseRelation,
  collection: PublicCollection,
): Field => ({
  get type() {
    return type()
  },
  resolve: async (node, _args, context, info) =>
    (await context.reverse(relation, selectFor(info, collection, [])).load(node.doc.id)).map(
      (doc) => nodeOf(collection, doc, node.locale),
    ),
})

const slug: Field = plain(nonNull(GraphQLString), 'slug', 'Stable address of the item.')

export const LocationType = new GraphQLObjectType<Record<string, unknown>, FeedContext>({
  name: 'Location',
  fields: {
    online: { type: nonNull(GraphQLBoolean), resolve: (value) => Boolean(value.online) },
    venue: { type: GraphQLString },
    address: { type: GraphQLString },
    city: { type: GraphQLString },
    url: { type: GraphQLString, resolve: (value) => value.onlineUrl ?? null },
  },
})

export const PartnerType: GraphQLObjectType<FeedNode, FeedContext> = new GraphQLObjectType({
  name: 'Partner',
  description: 'An outside organisation the network works with (chamber, agency, authority).',
  fields: () => ({
    slug,
    name: plain(nonNull(GraphQLString), 'name'),
    website: plain(GraphQLString, 'website'),
  }),
})

export const MemberType: GraphQLObjectType<FeedNode, FeedContext> = new GraphQLObjectType({
  name: 'Member',
  description: 'A member company or institution of ITnet Thüringen e.V.',
  fields: () => ({
    slug,
    name: plain(nonNull(GraphQLString), 'name'),
    membershipType: plain(nonNull(MembershipTypeEnum), 'membershipType'),
    kind: plain(nonNull(MemberKindEnum), 'kind'),
    website: plain(GraphQLString, 'website'),
    city: plain(GraphQLString, 'city'),
    topics: list(listOf(TopicEnum), 'topics'),
    description: richText('description'),
    logo: image('logo'),
    projects: reverse(() => listOf(ProjectType), 'projectsByMember', 'projects'),
  }),
})

export const ParticipantUnion: GraphQLUnionType = new GraphQLUnionType({
  name: 'Participant',
  description: 'A member or a partner organisation taking part.',
  types: () => [MemberType, PartnerType],
  resolveType: (node: FeedNode) => (node.collection === 'members' ? 'Member' : 'Partner'),
})

export const ProjectType: GraphQLObjectType<FeedNode, FeedContext> = new GraphQLObjectType({
  name: 'Project',
  description: 'A project of the association or of its members.',
  fields: () => ({
    slug,
    title: localized(nonNull(GraphQLString), 'title'),
    summary: localized(GraphQLString, 'summary'),
    status: plain(nonNull(ProjectStatusEnum), 'status'),
    topics: list(listOf(TopicEnum), 'topics'),
    startDate: plain(DateTimeScalar, 'startDate'),
    endDate: plain(DateTimeScalar, 'endDate'),
    datePrecision: plain(nonNull(DatePrecisionEnum), 'datePrecision'),
    body: richText('body'),
    participants: participants('participants'),
    image: image('image'),
    publishedAt: plain(DateTimeScalar, 'publishedAt', 'First publication.'),
    stories: reverse(() => listOf(StoryType), 'storiesByProject', 'stories'),
  }),
})

export const EventType: GraphQLObjectType<FeedNode, FeedContext> = new GraphQLObjectType({
  name: 'Event',
  description: 'An event of the association (times in UTC; the association is in Europe/Berlin).',
  fields: () => ({
    slug,
    title: localized(nonNull(GraphQLString), 'title'),
    type: plain(nonNull(EventTypeEnum), 'type'),
    startsAt: plain(nonNull(DateTimeScalar), 'startsAt'),
    endsAt: plain(DateTimeScalar, 'endsAt'),
    datePrecision: plain(nonNull(DatePrecisionEnum), 'datePrecision'),
    allDay: { type: nonNull(GraphQLBoolean), resolve: (node) => Boolean(node.doc.allDay) },
    detailsPending: {
      type: nonNull(GraphQLBoolean),
      description: 'Title and date are placeholders until the association announces them.',
      resolve: (node) => Boolean(node.doc.detailsPending),
    },
    location: {
      type: LocationType,
      resolve: (node) => (node.doc.location as Record<string, unknown> | null) ?? null,
    },
    topics: list(listOf(TopicEnum), 'topics'),
    series: one(() => EventType, 'series', 'events'),
    events: reverse(() => listOf(EventType), 'eventsBySeries', 'events'),
    coHosts: participants('coHosts'),
    description: richText('description'),
    registrationUrl: plain(GraphQLString, 'registrationUrl'),
    publishedAt: plain(DateTimeScalar, 'publishedAt', 'First publication.'),
  }),
})

export const StoryType: GraphQLObjectType<FeedNode, FeedContext> = new GraphQLObjectType({
  name: 'Story',
  description: "A member company's story about a project.",
  fields: () => ({
    slug,
    title: localized(nonNull(GraphQLString), 'title'),
    excerpt: localized(GraphQLString, 'excerpt'),
    body: richText('body'),
    publishedAt: plain(DateTimeScalar, 'publishedAt'),
    project: one(() => ProjectType, 'project', 'projects'),
    member: one(() => MemberType, 'member', 'members'),
    image: image('image'),
  }),
})

const typeByCollection: Partial<Record<PublicCollection, string>> = {
  projects: 'Project',
  events: 'Event',
  stories: 'Story',
  members: 'Member',
}

export const FeedItemUnion = new GraphQLUnionType({
  name: 'FeedItem',
  types: [ProjectType, EventType, StoryType],
  resolveType: (node: FeedNode) => typeByCollection[node.collection],
})

export const ChangeItemUnion = new GraphQLUnionType({
  name: 'ChangeItem',
  types: [ProjectType, EventType, MemberType, StoryType],
  resolveType: (node: FeedNode) => typeByCollection[node.collection],
})

import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
} from 'graphql'

import { changesResolver, type Change } from '../resolvers/changesResolver'
import type { FeedContext } from '../resolvers/context'
import { feedResolver } from '../resolvers/feedResolver'
import {
  bySlugResolver,
  eventsResolver,
  membersResolver,
  projectsResolver,
  storiesResolver,
} from '../resolvers/rootQueries'
import { connectionType } from './connectionTypes'
import {
  ChangeActionEnum,
  ContentTypeEnum,
  EventTypeEnum,
  FeedItemTypeEnum,
  LocaleEnum,
  MembershipTypeEnum,
  ProjectStatusEnum,
  TopicEnum,
} from './enums'
import {
  ChangeItemUnion,
  EventType,
  FeedItemUnion,
  MemberType,
  ProjectType,
  StoryType,
} from './objectTypes'
import { DateTimeScalar } from './scalars'

const locale: GraphQLFieldConfigArgumentMap = {
  locale: {
    type: new GraphQLNonNull(LocaleEnum),
    defaultValue: 'de',
    description: 'Language of texts (English falls back to German).',
  },
}
const page: GraphQLFieldConfigArgumentMap = {
  first: { type: GraphQLInt, description: 'Page size: default 20, at most 100.' },
  after: { type: GraphQLString, description: '`pageInfo.endCursor` of the previous page.' },
}
const bySlug: GraphQLFieldConfigArgumentMap = {
  slug: { type: new GraphQLNonNull(GraphQLString) },
  ...locale,
}

const ChangeType = new GraphQLObjectType<Change, FeedContext>({
  name: 'Change',
  description: 'The latest change of one public item.',
  fields: {
    action: { type: new GraphQLNonNull(ChangeActionEnum) },
    type: { type: new GraphQLNonNull(ContentTypeEnum) },
    slug: { type: new GraphQLNonNull(GraphQLString) },
    at: { type: new GraphQLNonNull(DateTimeScalar) },
    item: {
      type: ChangeItemUnion,
      description: 'The item as it is now; null when it was removed.',
      resolve: (change) => change.item(),
    },
  },
})

/** The public, read-only schema: built once per process from the types above. */
export const buildFeedSchema = (): GraphQLSchema =>
  new GraphQLSchema({
    query: new GraphQLObjectType<unknown, FeedContext>({
      name: 'Query',
      description: 'Published content of ITnet Thüringen e.V. Read-only.',
      fields: {
        projects: {
          type: new GraphQLNonNull(connectionType('Project', ProjectType)),
          description: 'Projects, newest first.',
          args: {
            ...page,
            topic: { type: TopicEnum },
            member: { type: GraphQLString, description: 'Slug of a participating member.' },
            status: { type: ProjectStatusEnum },
            ...locale,
          },
          resolve: projectsResolver,
        },
        events: {
          type: new GraphQLNonNull(connectionType('Event', EventType)),
          description: 'Events in date order.',
          args: {
            ...page,
            from: { type: DateTimeScalar, description: 'Events still running at or after this.' },
            to: { type: DateTimeScalar, description: 'Events starting at or before this.' },
            type: { type: EventTypeEnum },
            ...locale,
          },
          resolve: eventsResolver,
        },
        members: {
          type: new GraphQLNonNull(connectionType('Member', MemberType)),
          description: 'Members by name.',
          args: {
            ...page,
            membershipType: { type: MembershipTypeEnum },
            topic: { type: TopicEnum },
            ...locale,
          },
          resolve: membersResolver,
        },
        stories: {
          type: new GraphQLNonNull(connectionType('Story', StoryType)),
          description: 'Project stories, newest first.',
          args: {
            ...page,
            project: { type: GraphQLString, description: 'Slug of the project.' },
            member: { type: GraphQLString, description: 'Slug of the member.' },
            ...locale,
          },
          resolve: storiesResolver,
        },
        project: { type: ProjectType, args: bySlug, resolve: bySlugResolver('projects') },
        event: { type: EventType, args: bySlug, resolve: bySlugResolver('events') },
        member: { type: MemberType, args: bySlug, resolve: bySlugResolver('members') },
        story: { type: StoryType, args: bySlug, resolve: bySlugResolver('stories') },
        feed: {
          type: new GraphQLNonNull(connectionType('FeedItem', FeedItemUnion)),
          description: 'Projects, events and stories, newest publication first.',
          args: {
            ...page,
            types: { type: new GraphQLList(new GraphQLNonNull(FeedItemTypeEnum)) },
            ...locale,
          },
          resolve: feedResolver,
        },
        changesSince: {
          type: new GraphQLNonNull(connectionType('Change', ChangeType)),
          description: 'Changes after an instant, oldest first: for offline sync in apps.',
          args: {
            since: { type: new GraphQLNonNull(DateTimeScalar) },
            ...page,
            ...locale,
          },
          resolve: changesResolver,
        },
      },
    }),
  })

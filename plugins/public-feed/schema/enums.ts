import { GraphQLEnumType } from 'graphql'

import { eventTypeOptions } from '../../../collections/Events/eventTypes'
import { topicOptions } from '../../../collections/shared/fields/topics'

/** `it-security-day` → `IT_SECURITY_DAY`: GraphQL-style names for stored option values. */
export const enumName = (value: string): string => value.replace(/[^a-z0-9]+/gi, '_').toUpperCase()

const enumOf = (name: string, description: string, values: readonly string[]) =>
  new GraphQLEnumType({
    name,
    description,
    values: Object.fromEntries(values.map((value) => [enumName(value), { value }])),
  })

export const LocaleEnum = new GraphQLEnumType({
  name: 'Locale',
  description: 'The language of texts; English falls back to German where a text is missing.',
  values: { DE: { value: 'de' }, EN: { value: 'en' } },
})

export const TopicEnum = enumOf(
  'Topic',
  'The themes the network works on.',
  topicOptions.map((option) => option.value),
)
export const ProjectStatusEnum = enumOf('ProjectStatus', 'How far a project is.', [
  'planned',
  'active',
  'completed',
])
export const EventTypeEnum = enumOf(
  'EventType',
  "The association's formats.",
  eventTypeOptions.map((option) => option.value),
)
export const MembershipTypeEnum = enumOf(
  'MembershipType',
  'Ordinary members are companies; associated members are e.g. universities.',
  ['ordinary', 'associated'],
)
export const MemberKindEnum = enumOf('MemberKind', 'What kind of organisation a member is.', [
  'company',
  'university',
  'research',
  'public-body',
  'other',
])
export const DatePrecisionEnum = enumOf(
  'DatePrecision',
  'How exact a date is: print "September 2023", not "1 September 2023", for MONTH.',
  ['year', 'month', 'day'],
)
const typeNames = { projects: 'PROJECT', events: 'EVENT', members: 'MEMBER', stories: 'STORY' }
const contentTypeEnum = (
  name: string,
  description: string,
  collections: (keyof typeof typeNames)[],
) =>
  new GraphQLEnumType({
    name,
    description,
    values: Object.fromEntries(collections.map((value) => [typeNames[value], { value }])),
  })

export const FeedItemTypeEnum = contentTypeEnum('FeedItemType', 'Kinds of items in `feed`.', [
  'projects',
  'events',
  'stories',
])
export const ContentTypeEnum = contentTypeEnum('ContentType', 'Kinds of public content.', [
  'projects',
  'events',
  'members',
  'stories',
])
export const ChangeActionEnum = enumOf('ChangeAction', 'What happened to an item.', [
  'created',
  'updated',
  'removed',
])

import { eventTypeOptions } from '../../collections/Events/eventTypes'
import { topicOptions } from '../../collections/shared/fields/topics'
import { slugify } from '../../src/utilities/slugify'
import { seededRandom, type Random } from './random'
import { cities, lexicalBody, phrase, sentence, title, type Locale } from './text'

/** How many documents of each kind a dataset holds. */
export type DatasetSpec = {
  name: string
  projects: number
  members: number
  partners: number
  events: number
  stories: number
}

/** The tiers; partners are not named there: one per twenty members. */
export const tiers: Record<'S' | 'M', DatasetSpec> = {
  S: { name: 'S', projects: 500, members: 2000, partners: 100, events: 1000, stories: 1000 },
  M: { name: 'M', projects: 10000, members: 50000, partners: 2500, events: 20000, stories: 20000 },
}

/** The projects-only scale probe: tier S's organisations, 1k / 10k / 100k projects. */
export const scaleSizes = [1000, 10000, 100000] as const
export const scaleSpec = (projects: number): DatasetSpec => ({
  name: `scale-${projects / 1000}k`,
  projects,
  members: tiers.S.members,
  partners: tiers.S.partners,
  events: 0,
  stories: 0,
})

export const defaultSeed = 20261127

const locales: Locale[] = ['de', 'en']
const topics = topicOptions.map((option) => option.value)
const day = 24 * 60 * 60 * 1000
/** Content dates lie between 2018 and the end of 2026; fixed, so runs compare. */
const epoch = Date.UTC(2018, 0, 1)
const span = Date.UTC(2026, 10, 1) - epoch

type Localized<T> = Record<Locale, T>
export type Ref = { relationTo: 'members' | 'partners'; id: number }

export type MemberDoc = {
  id: number
  published: boolean
  name: string
  slug: string
  membershipType: string
  kind: string
  website: string
  city: string
  memberSince: string
  contact: { person: string; email: string }
  topics: string[]
  description: Localized<object>
  at: string
}
export type PartnerDoc = {
  id: number
  name: string
  slug: string
  kind: string
  website: string
  description: Localized<string>
  at: string
}
export type ProjectDoc = {
  id: number
  published: boolean
  publishedAt: string | null
  slug: string
  title: Localized<string>
  summary: Localized<string>
  body: Localized<object>
  status: string
  carriedBy: string
  startDate: string | null
  endDate: string | null
  datePrecision: string
  participants: Ref[]
  topics: string[]
  links: { id: string; url: string; label: Localized<string> }[]
  at: string
}
export type EventDoc = {
  id: number
  published: boolean
  publishedAt: string | null
  slug: string
  title: Localized<string>
  description: Localized<object>
  type: string
  startsAt: string
  endsAt: string
  allDay: boolean
  datePrecision: string
  location: {
    online: boolean
    venue: string
    address: string
    city: string
    onlineUrl: string | null
  }
  coHosts: Ref[]
  series: number | null
  topics: string[]
  at: string
}
export type StoryDoc = {
  id: number
  published: boolean
  publishedAt: string | null
  slug: string
  title: Localized<string>
  excerpt: Localized<string>
  body: Localized<object>
  project: number
  member: number
  at: string
}

/** Each document has its own stream, so document n is the same whatever the dataset size. */
const streamFor = (seed: number, collection: string, id: number): Random => {
  let hash = seed ^ 0x9e3779b9
  for (const char of `${collection}:${id}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  return seededRandom(hash)
}

const iso = (time: number) => new Date(time).toISOString()

const memberKinds = [
  'company',
  'company',
  'company',
  'university',
  'research',
  'public-body',
  'other',
]
const partnerKinds = [
  'industry-network',
  'business-association',
  'chamber',
  'public-authority',
  'agency',
  'other',
]
const namePrefixes = [
  'Saale',
  'Thüringer',
  'Wartburg',
  'Rennsteig',
  'Ilm',
  'Werra',
  'Unstrut',
  'Kyffhäuser',
  'Orla',
  'Gera',
  'Helme',
  'Elster',
]
const nameCores = [
  'Data',
  'Soft',
  'Systems',
  'Consulting',
  'Digital',
  'Net',
  'Cloud',
  'Security',
  'Apps',
  'Analytics',
  'Robotics',
  'Media',
]
const suffixes = ['GmbH', 'GmbH', 'GmbH & Co. KG', 'AG', 'UG', 'e. K.']
const partnerNames = [
  'Kammer',
  'Agentur',
  'Verband',
  'Netzwerk',
  'Cluster',
  'Landesamt',
  'Initiative',
]
const firstNames = [
  'Anna',
  'Jonas',
  'Lea',
  'Paul',
  'Marie',
  'Felix',
  'Sophie',
  'Lukas',
  'Clara',
  'Max',
]
const lastNames = ['Müller', 'Schmidt', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Koch']

/** Whether a member is published: decided by its own stream, so others can ask without generating it. */
export const memberPublished = (seed: number, id: number) =>
  streamFor(seed, 'members/published', id).next() < 0.95
export const projectPublished = (seed: number, id: number) =>
  streamFor(seed, 'projects/published', id).next() < 0.9

const pickPublishedMember = (random: Random, seed: number, count: number): number => {
  for (;;) {
    const id = random.int(1, count)
    if (memberPublished(seed, id)) return id
  }
}

export const member = (seed: number, id: number): MemberDoc => {
  const random = streamFor(seed, 'members', id)
  const name = `${random.pick(namePrefixes)} ${random.pick(nameCores)} ${random.pick(suffixes)}`
  const slug = `${slugify(name)}-${id}`
  const at = iso(epoch + Math.floor(random.next() * span))
  const person = `${random.pick(firstNames)} ${random.pick(lastNames)}`
  return {
    id,
    published: memberPublished(seed, id),
    name,
    slug,
    membershipType: random.chance(0.85) ? 'ordinary' : 'associated',
    kind: random.pick(memberKinds),
    website: `https://www.${slug}.example`,
    city: random.pick(cities),
    memberSince: iso(Date.UTC(random.int(1995, 2026), random.int(0, 11), 1)),
    contact: { person, email: `${slugify(person)}@${slug}.example` },
    topics: random.sample(topics, random.int(1, 3)),
    description: { de: lexicalBody(random, 'de', 400), en: lexicalBody(random, 'en', 400) },
    at,
  }
}

export const partner = (seed: number, id: number): PartnerDoc => {
  const random = streamFor(seed, 'partners', id)
  const name = `${random.pick(namePrefixes)} ${random.pick(partnerNames)} ${random.pick(nameCores)}`
  const slug = `${slugify(name)}-${id}`
  return {
    id,
    name,
    slug,
    kind: random.pick(partnerKinds),
    website: `https://${slug}.example`,
    description: { de: sentence(random, 'de'), en: sentence(random, 'en') },
    at: iso(epoch + Math.floor(random.next() * span)),
  }
}

/** Participants: 3–8 published organisations, about one in five a partner. */
const participantsOf = (random: Random, seed: number, spec: DatasetSpec): Ref[] => {
  const count = random.int(3, 8)
  const seen = new Set<string>()
  const refs: Ref[] = []
  while (refs.length < count) {
    const ref: Ref = random.chance(0.2)
      ? { relationTo: 'partners', id: random.int(1, spec.partners) }
      : { relationTo: 'members', id: pickPublishedMember(random, seed, spec.members) }
    const key = `${ref.relationTo}:${ref.id}`
    if (seen.has(key)) continue
    seen.add(key)
    refs.push(ref)
  }
  return refs
}

export const project = (seed: number, id: number, spec: DatasetSpec): ProjectDoc => {
  const random = streamFor(seed, 'projects', id)
  const published = projectPublished(seed, id)
  // Distinct instants (the id in the milliseconds), so "newest" has one answer in every API.
  const publishedTime = epoch + Math.floor(random.next() * (span / 1000)) * 1000 + (id % 1000)
  const titles = { de: title(random, 'de'), en: title(random, 'en') }
  const start = epoch + Math.floor(random.next() * span)
  const precision = random.pick(['year', 'month', 'day', 'day'])
  return {
    id,
    published,
    publishedAt: published ? iso(publishedTime) : null,
    slug: `${slugify(titles.de)}-${id}`,
    title: titles,
    summary: {
      de: `${sentence(random, 'de')} ${sentence(random, 'de')}`,
      en: `${sentence(random, 'en')} ${sentence(random, 'en')}`,
    },
    body: { de: lexicalBody(random, 'de', 2000), en: lexicalBody(random, 'en', 2000) },
    status: random.pick(['planned', 'active', 'active', 'completed']),
    carriedBy: random.chance(0.2) ? 'association' : 'members',
    startDate: random.chance(0.9) ? iso(start - (start % day)) : null,
    endDate: random.chance(0.4) ? iso(start - (start % day) + random.int(90, 900) * day) : null,
    datePrecision: precision,
    participants: participantsOf(random, seed, spec),
    topics: random.sample(topics, random.int(1, 3)),
    links: Array.from({ length: random.int(0, 2) }, (_, index) => ({
      id: `${id.toString(16).padStart(8, '0')}${index.toString(16).padStart(16, '0')}`,
      url: `https://projekte.example/${id}/${index}`,
      label: { de: phrase(random, 'de', 2), en: phrase(random, 'en', 2) },
    })),
    at: iso(published ? publishedTime : start),
  }
}

/** Every twentieth event opens a series; about half of the others belong to the one before them. */
export const event = (seed: number, id: number, spec: DatasetSpec): EventDoc => {
  const random = streamFor(seed, 'events', id)
  const published = random.chance(0.9)
  const seriesHead = Math.floor((id - 1) / 20) * 20 + 1
  const series = id !== seriesHead && random.chance(0.5) ? seriesHead : null
  // Events from 2023 to 2027, on the quarter hour.
  const startsAt = Date.UTC(2023, 0, 1) + random.int(0, 5 * 365 * 24 * 4) * 15 * 60 * 1000
  const online = random.chance(0.25)
  const city = random.pick(cities)
  const coHosts = random.chance(0.5)
    ? participantsOf(random, seed, spec).slice(0, random.int(1, 2))
    : []
  const titles = { de: title(random, 'de'), en: title(random, 'en') }
  return {
    id,
    published,
    publishedAt: published ? iso(startsAt - random.int(7, 90) * day) : null,
    slug: `${slugify(titles.de)}-${id}`,
    title: titles,
    description: { de: lexicalBody(random, 'de', 600), en: lexicalBody(random, 'en', 600) },
    type: random.pick(eventTypeOptions).value,
    startsAt: iso(startsAt),
    endsAt: iso(startsAt + random.int(1, 8) * 60 * 60 * 1000),
    allDay: random.chance(0.1),
    datePrecision: random.chance(0.9) ? 'day' : 'month',
    location: {
      online,
      venue: `${random.pick(['Kaisersaal', 'Zughafen', 'Technologiezentrum', 'Rathaus', 'Campus'])} ${city}`,
      address: `${random.pick(['Hauptstraße', 'Bahnhofstraße', 'Anger', 'Markt'])} ${random.int(1, 120)}`,
      city,
      onlineUrl: online ? `https://meet.example/${id}` : null,
    },
    coHosts,
    series,
    topics: random.sample(topics, random.int(1, 2)),
    at: iso(startsAt - 100 * day),
  }
}

/** A story about a published project, told by one of its member participants. */
export const story = (
  seed: number,
  id: number,
  spec: DatasetSpec,
  projectById: (id: number) => ProjectDoc = (projectId) => project(seed, projectId, spec),
): StoryDoc => {
  const random = streamFor(seed, 'stories', id)
  let projectId = random.int(1, spec.projects)
  while (!projectPublished(seed, projectId)) projectId = random.int(1, spec.projects)
  const about = projectById(projectId)
  const members = about.participants.filter((ref) => ref.relationTo === 'members')
  const memberId = members.length
    ? random.pick(members).id
    : pickPublishedMember(random, seed, spec.members)
  const published = random.chance(0.9)
  const time = Date.parse(about.publishedAt!) + random.int(1, 400) * day
  const titles = { de: title(random, 'de'), en: title(random, 'en') }
  return {
    id,
    published,
    publishedAt: published ? iso(time) : null,
    slug: `${slugify(titles.de)}-${id}`,
    title: titles,
    excerpt: { de: sentence(random, 'de'), en: sentence(random, 'en') },
    body: { de: lexicalBody(random, 'de', 1500), en: lexicalBody(random, 'en', 1500) },
    project: projectId,
    member: memberId,
    at: iso(time),
  }
}

export { locales }

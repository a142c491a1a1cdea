import type { Payload } from 'payload'

/**
 * "The 20 newest published projects with their participants", as each variant asks for it.
 * Every variant returns the same projects in the same order; `answerOf` reduces each answer to
 * comparable slugs.
 */
export const feedQuery = (first: number) =>
  `{ projects(first: ${first}) { edges { node { slug title participants { __typename ... on Member { slug name } ... on Partner { slug name } } } } } }`

export const feedPath = (first: number) =>
  `/api/feed/graphql?query=${encodeURIComponent(feedQuery(first))}`

// Payload's own GraphQL: `select: true` makes it read only the selected fields. Its Member and
// Partner types disagree on the nullability of `slug` and `name`, so the partner's are aliased.
export const payloadGraphqlQuery = (limit: number) =>
  `{ Projects(limit: ${limit}, sort: "-publishedAt", where: { _status: { equals: published } }, select: true) { docs { slug title participants { relationTo value { ... on Member { slug name } ... on Partner { partnerSlug: slug partnerName: name } } } } } }`

export const payloadRestPath = (limit: number) =>
  `/api/projects?${[
    `limit=${limit}`,
    'depth=1',
    'sort=-publishedAt',
    'where[_status][equals]=published',
    'select[slug]=true',
    'select[title]=true',
    'select[participants]=true',
    'populate[members][slug]=true',
    'populate[members][name]=true',
    'populate[partners][slug]=true',
    'populate[partners][name]=true',
  ].join('&')}`

/** The Local API read of the `local_api` variant: as anonymous as REST (access applies). */
export const localApiFind = (payload: Payload, limit: number) =>
  payload.find({
    collection: 'projects',
    where: { _status: { equals: 'published' } },
    sort: '-publishedAt',
    limit,
    depth: 1,
    locale: 'de',
    select: { slug: true, title: true, participants: true },
    populate: { members: { slug: true, name: true }, partners: { slug: true, name: true } },
    overrideAccess: false,
  })

type Participant = { slug?: string; name?: string; partnerSlug?: string }
/** An answer as `slug:participant,participant|…`: what all variants must agree on. */
export type Answer = string

const line = (slug: string, participants: Participant[]) =>
  `${slug}:${participants.map((p) => p.slug ?? p.partnerSlug).join(',')}`

export const answerOfFeed = (body: unknown): Answer => {
  const edges = (body as { data: { projects: { edges: { node: Record<string, unknown> }[] } } })
    .data.projects.edges
  return edges
    .map(({ node }) => line(node.slug as string, node.participants as Participant[]))
    .join('|')
}

export type PayloadDoc = {
  slug: string
  participants?: { relationTo: string; value: Participant | number | null }[]
}
const participantsOf = (doc: PayloadDoc): Participant[] =>
  (doc.participants ?? [])
    .map((ref) => ref.value)
    .filter((value): value is Participant => typeof value === 'object' && value !== null)

/** How many participants an answer names (over all its projects). */
export const participantsIn = (answer: Answer): number =>
  answer
    .split('|')
    .map((line) => line.slice(line.indexOf(':') + 1))
    .filter(Boolean)
    .reduce((sum, list) => sum + list.split(',').length, 0)

export const docsOfPayloadGraphql = (body: unknown): PayloadDoc[] =>
  (body as { data: { Projects: { docs: PayloadDoc[] } } }).data.Projects.docs

export const answerOfDocs = (docs: PayloadDoc[]): Answer =>
  docs.map((doc) => line(doc.slug, participantsOf(doc))).join('|')

export const answerOfPayloadGraphql = (body: unknown): Answer =>
  answerOfDocs(docsOfPayloadGraphql(body))

export const answerOfRest = (body: unknown): Answer =>
  answerOfDocs((body as { docs: PayloadDoc[] }).docs)

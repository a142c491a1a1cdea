/**
 * The allowlist: per public type, the stored fields each GraphQL field reads. Nothing else is
 * ever selected from the database, so contacts, authors and workflow data cannot leak.
 * Fields that read nothing of their own document (reverse lists) map to [].
 */
export const publicFields = {
  projects: {
    slug: ['slug'],
    title: ['title'],
    summary: ['summary'],
    status: ['status'],
    topics: ['topics'],
    startDate: ['startDate'],
    endDate: ['endDate'],
    datePrecision: ['datePrecision'],
    body: ['body'],
    participants: ['participants'],
    image: ['image'],
    publishedAt: ['publishedAt'],
    stories: [],
  },
  members: {
    slug: ['slug'],
    name: ['name'],
    membershipType: ['membershipType'],
    kind: ['kind'],
    website: ['website'],
    city: ['city'],
    topics: ['topics'],
    description: ['description'],
    logo: ['logo'],
    projects: [],
  },
  partners: {
    slug: ['slug'],
    name: ['name'],
    website: ['website'],
  },
  events: {
    slug: ['slug'],
    title: ['title'],
    type: ['type'],
    startsAt: ['startsAt'],
    endsAt: ['endsAt'],
    datePrecision: ['datePrecision'],
    allDay: ['allDay'],
    detailsPending: ['detailsPending'],
    location: ['location'],
    topics: ['topics'],
    series: ['series'],
    events: [],
    coHosts: ['coHosts'],
    description: ['description'],
    registrationUrl: ['registrationUrl'],
    publishedAt: ['publishedAt'],
  },
  stories: {
    slug: ['slug'],
    title: ['title'],
    excerpt: ['excerpt'],
    body: ['body'],
    publishedAt: ['publishedAt'],
    project: ['project'],
    member: ['member'],
    image: ['image'],
  },
  media: {
    url: ['filename'],
    alt: ['alt'],
    width: ['width'],
    height: ['height'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>

export type PublicCollection = keyof typeof publicFields

/** Every stored field a public type may read (for batched loads of whole nodes). */
export const allPublicSelect = (collection: PublicCollection): Record<string, true> => {
  const select: Record<string, true> = {}
  for (const stored of Object.values(publicFields[collection]) as readonly string[][]) {
    for (const field of stored) select[field] = true
  }
  return select
}

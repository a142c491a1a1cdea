import type { EventDoc, MemberDoc, PartnerDoc, ProjectDoc, Ref, StoryDoc } from './generate'
import { locales } from './generate'

/**
 * Documents as rows of the tables Payload's committed migrations create, keyed by the column
 * names of Payload's own drizzle tables (`payload.db.tables`). Only the live tables are filled:
 * the version tables (`_projects_v`…) stay empty, as no anonymous read touches them.
 */
export type Rows = Record<string, Record<string, unknown>[]>

const push = (rows: Rows, table: string, row: Record<string, unknown>) => {
  ;(rows[table] ??= []).push(row)
}

const status = (published: boolean) => (published ? 'published' : 'draft')

const relRows = (rows: Rows, table: string, parent: number, path: string, refs: Ref[]) =>
  refs.forEach((ref, index) =>
    push(rows, table, {
      parent,
      path,
      order: index + 1,
      membersID: ref.relationTo === 'members' ? ref.id : null,
      partnersID: ref.relationTo === 'partners' ? ref.id : null,
    }),
  )

const topicRows = (rows: Rows, table: string, parent: number, values: string[]) =>
  values.forEach((value, index) => push(rows, table, { parent, order: index + 1, value }))

export const memberRows = (rows: Rows, doc: MemberDoc) => {
  push(rows, 'members', {
    id: doc.id,
    name: doc.name,
    slug: doc.slug,
    membershipType: doc.membershipType,
    kind: doc.kind,
    logo: null,
    website: doc.website,
    city: doc.city,
    memberSince: doc.memberSince,
    contact_person: doc.contact.person,
    contact_email: doc.contact.email,
    // As the seed does: a published member under review is one the workflow published.
    workflow_state: status(doc.published),
    workflow_submittedBy: null,
    workflow_publishAt: null,
    updatedAt: doc.at,
    createdAt: doc.at,
    _status: status(doc.published),
  })
  for (const locale of locales) {
    push(rows, 'members_locales', {
      _parentID: doc.id,
      _locale: locale,
      description: doc.description[locale],
    })
  }
  topicRows(rows, 'members_topics', doc.id, doc.topics)
}

export const partnerRows = (rows: Rows, doc: PartnerDoc) => {
  push(rows, 'partners', {
    id: doc.id,
    name: doc.name,
    slug: doc.slug,
    kind: doc.kind,
    website: doc.website,
    updatedAt: doc.at,
    createdAt: doc.at,
  })
  for (const locale of locales) {
    push(rows, 'partners_locales', {
      _parentID: doc.id,
      _locale: locale,
      description: doc.description[locale],
    })
  }
}

export const projectRows = (rows: Rows, doc: ProjectDoc) => {
  push(rows, 'projects', {
    id: doc.id,
    slug: doc.slug,
    status: doc.status,
    carriedBy: doc.carriedBy,
    startDate: doc.startDate,
    endDate: doc.endDate,
    datePrecision: doc.datePrecision,
    image: null,
    publishedAt: doc.publishedAt,
    updatedAt: doc.at,
    createdAt: doc.at,
    _status: status(doc.published),
  })
  for (const locale of locales) {
    push(rows, 'projects_locales', {
      _parentID: doc.id,
      _locale: locale,
      title: doc.title[locale],
      summary: doc.summary[locale],
      body: doc.body[locale],
    })
  }
  relRows(rows, 'projects_rels', doc.id, 'participants', doc.participants)
  topicRows(rows, 'projects_topics', doc.id, doc.topics)
  doc.links.forEach((link, index) => {
    push(rows, 'projects_links', {
      _parentID: doc.id,
      _order: index + 1,
      id: link.id,
      url: link.url,
    })
    for (const locale of locales) {
      push(rows, 'projects_links_locales', {
        _parentID: link.id,
        _locale: locale,
        label: link.label[locale],
      })
    }
  })
}

export const eventRows = (rows: Rows, doc: EventDoc) => {
  push(rows, 'events', {
    id: doc.id,
    slug: doc.slug,
    type: doc.type,
    startsAt: doc.startsAt,
    startsAt_tz: 'Europe/Berlin',
    endsAt: doc.endsAt,
    endsAt_tz: 'Europe/Berlin',
    allDay: doc.allDay,
    datePrecision: doc.datePrecision,
    detailsPending: false,
    location_online: doc.location.online,
    location_venue: doc.location.venue,
    location_address: doc.location.address,
    location_city: doc.location.city,
    location_onlineUrl: doc.location.onlineUrl,
    series: doc.series,
    registrationUrl: null,
    publishedAt: doc.publishedAt,
    updatedAt: doc.at,
    createdAt: doc.at,
    _status: status(doc.published),
  })
  for (const locale of locales) {
    push(rows, 'events_locales', {
      _parentID: doc.id,
      _locale: locale,
      title: doc.title[locale],
      description: doc.description[locale],
    })
  }
  relRows(rows, 'events_rels', doc.id, 'coHosts', doc.coHosts)
  topicRows(rows, 'events_topics', doc.id, doc.topics)
}

export const storyRows = (rows: Rows, doc: StoryDoc) => {
  push(rows, 'stories', {
    id: doc.id,
    slug: doc.slug,
    project: doc.project,
    member: doc.member,
    author: null,
    publishedAt: doc.publishedAt,
    image: null,
    workflow_state: status(doc.published),
    workflow_submittedBy: null,
    workflow_publishAt: null,
    updatedAt: doc.at,
    createdAt: doc.at,
    _status: status(doc.published),
  })
  for (const locale of locales) {
    push(rows, 'stories_locales', {
      _parentID: doc.id,
      _locale: locale,
      title: doc.title[locale],
      excerpt: doc.excerpt[locale],
      body: doc.body[locale],
    })
  }
}

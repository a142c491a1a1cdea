import type { CollectionSlug, Payload } from 'payload'

import { demoUsers } from './data/demoUsers'
import { events } from './data/events'
import { members } from './data/members'
import { partners } from './data/partners'
import { projects } from './data/projects'
import type { OrganisationRef } from './data/types'
import { paragraphs } from './lexical'

export type SeedOptions = {
  /** Create the demo accounts (embedded default or SEED_DEMO=true only). */
  demoUsers: boolean
  demoPassword: string
}

export type SeedReport = { created: number; existing: number }

type Id = number | string
type SlugIds = Map<string, Id>

// Seeding is the system itself writing: it bypasses access and tells plugins so through context.
const system = { overrideAccess: true, depth: 0, context: { seed: true } } as const

/**
 * Loads the interview's organisations, projects and events (German, then English) and the
 * demo accounts. Idempotent: what exists (by slug or e-mail) is left exactly as it is.
 */
export const seed = async (payload: Payload, options: SeedOptions): Promise<SeedReport> => {
  const report: SeedReport = { created: 0, existing: 0 }

  const findIdBy = async (collection: CollectionSlug, field: string, value: string) => {
    const found = await payload.find({
      ...system,
      collection,
      where: { [field]: { equals: value } },
      limit: 1,
      pagination: false,
    })
    return found.docs[0]?.id as Id | undefined
  }

  /** Creates a document in German, then adds its English texts; skips an existing slug. */
  const ensure = async (
    collection: CollectionSlug,
    slug: string,
    german: Record<string, unknown>,
    english: Record<string, unknown> | undefined,
    published: boolean,
  ): Promise<Id> => {
    const existing = await findIdBy(collection, 'slug', slug)
    if (existing !== undefined) {
      report.existing += 1
      return existing
    }
    // Under review, a published document is one the workflow has published.
    const reviewed = payload.collections[collection].config.fields.some(
      (field) => 'name' in field && field.name === 'workflow',
    )
    const status = published
      ? { _status: 'published' as const, ...(reviewed ? { workflow: { state: 'published' } } : {}) }
      : {}
    const created = await payload.create({
      ...system,
      collection,
      locale: 'de',
      data: { ...german, slug, ...status } as never,
    })
    if (english) {
      await payload.update({
        ...system,
        collection,
        id: created.id,
        locale: 'en',
        data: { ...english, ...status } as never,
      })
    }
    report.created += 1
    return created.id as Id
  }

  const partnerIds: SlugIds = new Map()
  for (const partner of partners) {
    const id = await ensure(
      'partners',
      partner.slug,
      { name: partner.name, kind: partner.kind, description: partner.description.de },
      { description: partner.description.en },
      false,
    )
    partnerIds.set(partner.slug, id)
  }

  const memberIds: SlugIds = new Map()
  for (const member of members) {
    const id = await ensure(
      'members',
      member.slug,
      {
        name: member.name,
        membershipType: member.membershipType,
        kind: member.kind,
        topics: member.topics,
        description: paragraphs(member.description.de),
      },
      { description: paragraphs(member.description.en) },
      true,
    )
    memberIds.set(member.slug, id)
  }

  const organisation = (ref: OrganisationRef) => {
    const value = (ref.relationTo === 'members' ? memberIds : partnerIds).get(ref.slug)
    if (value === undefined)
      throw new Error(`Seed data names unknown ${ref.relationTo} "${ref.slug}"`)
    return { relationTo: ref.relationTo, value }
  }

  for (const project of projects) {
    await ensure(
      'projects',
      project.slug,
      {
        title: project.title.de,
        summary: project.summary.de,
        body: paragraphs(...project.body.de),
        status: project.status,
        carriedBy: project.carriedBy,
        startDate: project.startDate ?? null,
        datePrecision: project.datePrecision,
        participants: project.participants.map(organisation),
        topics: project.topics,
      },
      {
        title: project.title.en,
        summary: project.summary.en,
        body: paragraphs(...project.body.en),
      },
      true,
    )
  }

  const eventIds: SlugIds = new Map()
  for (const event of events) {
    const series = event.series === undefined ? null : eventIds.get(event.series)
    if (series === undefined) throw new Error(`Seed event "${event.slug}" names an unknown series`)
    const id = await ensure(
      'events',
      event.slug,
      {
        title: event.title.de,
        type: event.type,
        startsAt: event.startsAt,
        startsAt_tz: 'Europe/Berlin',
        endsAt: event.endsAt,
        endsAt_tz: 'Europe/Berlin',
        datePrecision: event.datePrecision,
        allDay: event.allDay,
        detailsPending: event.detailsPending ?? false,
        coHosts: (event.coHosts ?? []).map(organisation),
        series,
        topics: event.topics,
        description: paragraphs(event.description.de),
      },
      { title: event.title.en, description: paragraphs(event.description.en) },
      true,
    )
    eventIds.set(event.slug, id)
  }

  if (options.demoUsers) {
    for (const user of demoUsers) {
      if ((await findIdBy('users', 'email', user.email)) !== undefined) {
        report.existing += 1
        continue
      }
      const member = user.member === undefined ? null : memberIds.get(user.member)
      await payload.create({
        ...system,
        collection: 'users',
        data: {
          email: user.email,
          name: user.name,
          role: user.role,
          member: member as number | null,
          password: options.demoPassword,
        },
      })
      report.created += 1
    }
  }

  return report
}

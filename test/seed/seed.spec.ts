import type { CollectionSlug, Payload } from 'payload'

import type { Event } from '../../src/payload-types'
import { events } from '../../src/seed/data/events'
import { members } from '../../src/seed/data/members'
import { partners } from '../../src/seed/data/partners'
import { projects } from '../../src/seed/data/projects'
import { seed } from '../../src/seed/seed'
import { seedIfEmpty } from '../../src/seed/seedIfEmpty'
import { bootPayload, type BootedPayload } from '../helpers/bootPayload'
import { testDatabaseKinds } from '../helpers/testDatabases'

const seeded: CollectionSlug[] = ['partners', 'members', 'projects', 'events', 'users']

/** Every document's id and updatedAt, to tell whether anything changed. */
const snapshot = async (payload: Payload) => {
  const state: Record<string, string[]> = {}
  for (const collection of seeded) {
    const { docs } = await payload.find({ collection, pagination: false, depth: 0, sort: 'id' })
    state[collection] = docs.map((doc) => `${doc.id}@${(doc as { updatedAt?: string }).updatedAt}`)
  }
  return state
}

describe.each(testDatabaseKinds())('seed on $name', (kind) => {
  let booted: BootedPayload
  let payload: Payload

  beforeAll(async () => {
    booted = await bootPayload(kind)
    payload = booted.payload
    await seed(payload, { demoUsers: true, demoPassword: 'demo-password' })
  })

  afterAll(async () => {
    await booted?.shutdown()
  })

  it('should change nothing when run a second time', async () => {
    const before = await snapshot(payload)
    const report = await seed(payload, { demoUsers: true, demoPassword: 'demo-password' })
    expect(report.created).toBe(0)
    expect(await snapshot(payload)).toEqual(before)
  })

  it('should not run on start when the database already holds content', async () => {
    expect(await seedIfEmpty(payload, { demoUsers: true, demoPassword: 'x' })).toBeUndefined()
  })

  it.each([
    ['partners', ['automotive thüringen', 'BVMW', 'IHK Erfurt', 'LKA', 'ThEGA']],
    [
      'members',
      ['Q-SOFT GmbH', 'WeLoveApps GmbH', 'Honest Consulting GmbH', 'Traeno GmbH', 'TecArt GmbH'],
    ],
  ] as const)('should hold every %s the interview names', async (collection, names) => {
    const { docs } = await payload.find({ collection, limit: 100, overrideAccess: false })
    const stored = docs.map((doc) => doc.name).join(' | ')
    for (const name of names) expect(stored).toContain(name)
  })

  it('should publish the projects with their participants, in German and English', async () => {
    const anonymous = await payload.find({
      collection: 'projects',
      limit: 100,
      overrideAccess: false,
      depth: 1,
    })
    expect(anonymous.docs.map((doc) => doc.slug).sort()).toEqual(projects.map((p) => p.slug).sort())
    const efa = anonymous.docs.find((doc) => doc.slug === 'efa-app')!
    const participantNames = (efa.participants ?? []).map((p) =>
      typeof p.value === 'object' ? p.value.name : p.value,
    )
    expect(participantNames.sort()).toEqual(['Q-SOFT GmbH', 'WeLoveApps GmbH'])
    const green = await payload.find({
      collection: 'projects',
      where: { slug: { equals: 'green-it-partnerschaft-thega' } },
      locale: 'en',
      depth: 1,
    })
    expect(green.docs[0]!.title).toBe('Green IT partnership of Honest Consulting and ThEGA')
    const relations = green.docs[0]!.participants!.map((p) => p.relationTo).sort()
    expect(relations).toEqual(['members', 'partners'])
    const cybercrime = anonymous.docs.find((doc) => doc.slug === 'praevention-cyberkriminalitaet')!
    expect(cybercrime.startDate?.slice(0, 4)).toBe('2019')
    expect(cybercrime.datePrecision).toBe('year')
  })

  it('should hold the 2023 events with the precision the interview gives', async () => {
    const { docs } = await payload.find({
      collection: 'events',
      limit: 100,
      depth: 1,
      overrideAccess: false,
    })
    const bySlug = new Map(docs.map((doc) => [doc.slug, doc as Event]))
    expect(docs).toHaveLength(events.length)

    const berlinDay = (iso: string) =>
      new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' })
    const reception = bySlug.get('jahresempfang-2023')!
    expect(berlinDay(reception.startsAt)).toBe('2023-02-01')
    expect(reception.coHosts?.map((host) => (host.value as { slug: string }).slug)).toEqual([
      'bvmw',
    ])

    const digitaltag = bySlug.get('digitaltag-thueringen-2023')!
    expect(berlinDay(digitaltag.startsAt)).toBe('2023-06-15')
    expect(berlinDay(digitaltag.endsAt!)).toBe('2023-06-16')
    expect(docs.filter((doc) => doc.type === 'digitaltag')).toHaveLength(1)

    const lounges = docs
      .filter((doc) => doc.type === 'business-lounge')
      .map((doc) => berlinDay(doc.startsAt))
    expect(lounges.sort()).toEqual(['2023-02-28', '2023-11-02'])
    expect(berlinDay(bySlug.get('it-security-day-2023')!.startsAt)).toBe('2023-04-27')

    const month = bySlug.get('cybersecurity-monat-2023')!
    expect(month.datePrecision).toBe('month')
    const series = docs.filter((doc) => {
      const parent = doc.series
      return parent != null && (typeof parent === 'object' ? parent.id : parent) === month.id
    })
    expect(series).toHaveLength(4)
    for (const event of series) {
      expect(event.detailsPending).toBe(true)
      expect(event.datePrecision).toBe('month')
      expect(berlinDay(event.startsAt)).toBe('2023-09-01')
    }
  })

  it('should create the demo accounts only when asked', async () => {
    const { docs } = await payload.find({ collection: 'users', pagination: false, depth: 1 })
    const roles = Object.fromEntries(docs.map((user) => [user.email, user.role]))
    expect(roles).toEqual({
      'admin@itnet.example': 'admin',
      'redaktion@itnet.example': 'editor',
      'qsoft@itnet.example': 'member',
      'tecart@itnet.example': 'member',
    })
    const qsoft = docs.find((user) => user.email === 'qsoft@itnet.example')!
    expect((qsoft.member as { slug: string }).slug).toBe('q-soft')
    const login = await payload.login({
      collection: 'users',
      data: { email: 'qsoft@itnet.example', password: 'demo-password' },
    })
    expect(login.token).toBeTruthy()
  })

  it('should seed no accounts without demo users', async () => {
    const fresh = await bootPayload(kind)
    try {
      await seed(fresh.payload, { demoUsers: false, demoPassword: 'unused' })
      expect((await fresh.payload.count({ collection: 'users' })).totalDocs).toBe(0)
      expect((await fresh.payload.count({ collection: 'members' })).totalDocs).toBe(members.length)
      expect((await fresh.payload.count({ collection: 'partners' })).totalDocs).toBe(
        partners.length,
      )
    } finally {
      await fresh.shutdown()
    }
  })
})

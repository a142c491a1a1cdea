import crypto from 'node:crypto'

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import ICAL from 'ical.js'

import { paragraphs } from '../../../src/seed/lexical'
import { startServer, type RunningServer } from '../../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../../helpers/testDatabases'

/**
 * The calendar and syndication feeds of the running hub over HTTP (production build, seeded
 * interview data), each read back by a parser of its own: ical.js, fast-xml-parser, JSON.
 */

const password = 'syndication-test-password'
const berlin = 'Europe/Berlin'

type Id = number | string
type Doc = { id: Id; slug: string; title: string; [field: string]: unknown }
type JsonFeed = { [field: string]: unknown; items: { [field: string]: unknown }[] }

// What the suite adds to the seed: the times are UTC instants of Berlin wall-clock times.
const workshop = {
  slug: 'phishing-workshop-2023',
  de: 'Phishing-Workshop',
  en: 'Phishing workshop',
  startsAt: '2023-09-12T16:00:00.000Z', // 18:00 CEST
  endsAt: '2023-09-12T18:00:00.000Z',
}
const consultation = {
  slug: 'online-sprechstunde-2023-11',
  de: 'Online-Sprechstunde KI',
  startsAt: '2023-11-20T17:00:00.000Z', // 18:00 CET
  endsAt: '2023-11-20T18:30:00.000Z',
  onlineUrl: 'https://meet.example.org/itnet-ki',
}
const summerParty = { slug: 'sommerfest-2023', de: 'Sommerfest 2023' }
const secretEvent = { slug: 'geheimer-termin', de: 'Geheimer Termin' }
const lateEvent = { slug: 'business-lounge-2023-12', de: 'Business-Lounge Dezember 2023' }
const newProject = { slug: 'ki-werkstatt', de: 'KI-Werkstatt' }
const draftEditTitle = 'Unveröffentlichter Entwurfstitel'
const secretProject = { slug: 'geheimes-projekt', de: 'Geheimes Projekt' }
const story = { slug: 'efa-im-alltag', de: 'EFA im Alltag', en: 'EFA in everyday use' }

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Titles such as "2023" stay text, and one item is still a list.
  parseTagValue: false,
  isArray: (name) => ['item', 'entry', 'category'].includes(name),
})

type XmlNode = { [key: string]: unknown }
const textOf = (node: unknown): string =>
  typeof node === 'object' && node !== null ? String((node as XmlNode)['#text']) : String(node)

describe.each(testDatabaseKinds())('calendar and syndication feeds on $name', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  let editor: string

  const get = (path: string) => fetch(`${server.url}${path}`)

  const send = async (method: string, path: string, body: unknown, token: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify(body),
    })
    const json = (await response.json()) as { doc?: Doc; errors?: unknown }
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`)
    return json.doc as Doc
  }

  const login = async (email: string) => {
    const response = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    expect(response.status).toBe(200)
    return ((await response.json()) as { token: string }).token
  }

  /** What an anonymous reader of the REST API sees: published documents only. */
  const publishedTitles = async (collection: string, locale: string) => {
    const response = await get(`/api/${collection}?limit=200&depth=0&locale=${locale}`)
    const body = (await response.json()) as { docs: Doc[] }
    return body.docs.map((doc) => doc.title)
  }

  const idOf = async (collection: string, slug: string): Promise<Id> => {
    const response = await get(`/api/${collection}?where[slug][equals]=${slug}&depth=0`)
    return ((await response.json()) as { docs: Doc[] }).docs[0].id
  }

  const event = (fields: Record<string, unknown>) => ({
    type: 'other',
    startsAt_tz: berlin,
    endsAt_tz: berlin,
    datePrecision: 'day',
    allDay: false,
    ...fields,
  })

  beforeAll(async () => {
    database = await kind.create()
    server = await startServer({
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
      SEED: 'true',
      SEED_DEMO: 'true',
      DEMO_PASSWORD: password,
    })
    editor = await login('redaktion@itnet.example')
    const qsoft = await login('qsoft@itnet.example')

    const series = await idOf('events', 'cybersecurity-monat-2023')
    const created = await send(
      'POST',
      '/api/events',
      event({
        title: workshop.de,
        slug: workshop.slug,
        startsAt: workshop.startsAt,
        endsAt: workshop.endsAt,
        series,
        location: { venue: 'Haus Dacheröden', address: 'Anger 37', city: 'Erfurt' },
        registrationUrl: 'https://example.org/anmeldung/phishing',
        description: paragraphs('Wie man Phishing erkennt; mit Übungen, Beispielen.', 'Für KMU.'),
        _status: 'published',
      }),
      editor,
    )
    await send(
      'PATCH',
      `/api/events/${created.id}?locale=en`,
      { title: workshop.en, _status: 'published' },
      editor,
    )
    // No English title: the English calendar falls back to German.
    await send(
      'POST',
      '/api/events',
      event({
        title: consultation.de,
        slug: consultation.slug,
        startsAt: consultation.startsAt,
        endsAt: consultation.endsAt,
        location: { online: true, onlineUrl: consultation.onlineUrl },
        _status: 'published',
      }),
      editor,
    )
    // Known only to the month and no series: no day to put in a calendar.
    await send(
      'POST',
      '/api/events',
      event({
        title: summerParty.de,
        slug: summerParty.slug,
        startsAt: '2023-06-30T22:00:00.000Z',
        endsAt: '2023-07-31T21:59:59.000Z',
        datePrecision: 'month',
        allDay: true,
        _status: 'published',
      }),
      editor,
    )
    await send(
      'POST',
      '/api/events',
      event({
        title: secretEvent.de,
        slug: secretEvent.slug,
        startsAt: '2023-10-10T08:00:00.000Z',
      }),
      editor,
    )

    await send(
      'POST',
      '/api/projects',
      { title: secretProject.de, slug: secretProject.slug },
      editor,
    )
    const project = await send(
      'POST',
      '/api/projects',
      {
        title: newProject.de,
        slug: newProject.slug,
        summary: 'Eine Werkstatt.',
        _status: 'published',
      },
      editor,
    )
    // A pending draft of a published project: the feeds keep showing the published version.
    await send('PATCH', `/api/projects/${project.id}?draft=true`, { title: draftEditTitle }, editor)

    // A member's story goes live through the review workflow, last of all: the newest item.
    const draft = await send(
      'POST',
      '/api/stories',
      {
        title: story.de,
        slug: story.slug,
        excerpt: 'Wie EFA im Alltag hilft.',
        body: paragraphs('EFA begleitet Fachkräfte durch den Tag.'),
        project: await idOf('projects', 'efa-app'),
      },
      qsoft,
    )
    await send(
      'PATCH',
      `/api/stories/${draft.id}?locale=en`,
      { title: story.en, excerpt: 'How EFA helps every day.' },
      qsoft,
    )
    await send('POST', `/api/stories/${draft.id}/workflow`, { transition: 'submit' }, qsoft)
    await send('POST', `/api/stories/${draft.id}/workflow`, { transition: 'approve' }, editor)
  }, 300_000)

  afterAll(async () => {
    if (server && server.child.exitCode === null) await server.stop()
    await database?.drop()
  })

  describe('events.ics', () => {
    const calendarOf = async (query = '') => {
      const response = await get(`/api/feed/events.ics${query}`)
      expect(response.status).toBe(200)
      const text = await response.text()
      const calendar = new ICAL.Component(ICAL.parse(text))
      // The calendar's own VTIMEZONE, so that times convert the way a client converts them.
      for (const zone of calendar.getAllSubcomponents('vtimezone')) {
        ICAL.TimezoneService.register(zone)
      }
      const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
      return { response, text, calendar, events }
    }

    const bySlug = (events: ICAL.Event[], slug: string) =>
      events.find((candidate) => candidate.uid === `${slug}@127.0.0.1`)

    const relations = (entry: ICAL.Event | undefined) =>
      (entry?.component.getAllProperties('related-to') ?? []).map((property) => [
        property.getParameter('reltype'),
        property.getFirstValue(),
      ])

    it('should serve text/calendar with the site as calendar name', async () => {
      const { response, calendar } = await calendarOf()
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
      expect(calendar.name).toBe('vcalendar')
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('ITnet Thüringen')
      expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe(berlin)
      expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(berlin)
    })

    it('should give timed events Europe/Berlin times in summer and in winter', async () => {
      const { events } = await calendarOf()
      const summer = bySlug(events, workshop.slug)!
      expect(summer.summary).toBe(workshop.de)
      expect(summer.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(berlin)
      expect(summer.startDate.zone?.tzid).toBe(berlin)
      expect([summer.startDate.hour, summer.startDate.minute, summer.endDate.hour]).toEqual([
        18, 0, 20,
      ])
      expect(summer.startDate.toJSDate().toISOString()).toBe(workshop.startsAt)
      expect(summer.endDate.toJSDate().toISOString()).toBe(workshop.endsAt)
      expect(summer.location).toBe('Haus Dacheröden, Anger 37, Erfurt')
      expect(summer.component.getFirstPropertyValue('url')).toBe(
        'https://example.org/anmeldung/phishing',
      )
      expect(summer.description).toBe(
        'Wie man Phishing erkennt; mit Übungen, Beispielen.\n\nFür KMU.',
      )

      const winter = bySlug(events, consultation.slug)!
      expect([winter.startDate.hour, winter.endDate.hour, winter.endDate.minute]).toEqual([
        18, 19, 30,
      ])
      expect(winter.startDate.toJSDate().toISOString()).toBe(consultation.startsAt)
      expect(winter.endDate.toJSDate().toISOString()).toBe(consultation.endsAt)
      expect(winter.location).toBe(consultation.onlineUrl)
    })

    it('should give all-day seed events their Berlin days, the end exclusive', async () => {
      const { events } = await calendarOf()
      const days = (slug: string) => {
        const entry = bySlug(events, slug)!
        expect(entry.startDate.isDate).toBe(true)
        return [entry.startDate.toString(), entry.endDate.toString()]
      }
      expect(days('jahresempfang-2023')).toEqual(['2023-02-01', '2023-02-02'])
      expect(days('business-lounge-2023-02')).toEqual(['2023-02-28', '2023-03-01'])
      expect(days('digitaltag-thueringen-2023')).toEqual(['2023-06-15', '2023-06-17'])
      expect(bySlug(events, 'jahresempfang-2023')!.summary).toBe('Jahresempfang 2023')
    })

    it('should show a month-only series with events as the whole month, linked to them', async () => {
      const { events } = await calendarOf()
      const month = bySlug(events, 'cybersecurity-monat-2023')!
      expect([
        month.startDate.isDate,
        month.startDate.toString(),
        month.endDate.toString(),
      ]).toEqual([true, '2023-09-01', '2023-10-01'])
      expect(month.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT')
      expect(relations(month)).toEqual([['CHILD', `${workshop.slug}@127.0.0.1`]])
      expect(relations(bySlug(events, workshop.slug))).toEqual([
        ['PARENT', 'cybersecurity-monat-2023@127.0.0.1'],
      ])
      const categories = bySlug(events, workshop.slug)!
        .component.getAllProperties('categories')
        .flatMap((property) => property.getValues())
      expect(categories).toContain('Cybersecurity-Monat 2023')
    })

    it('should leave out month-only events without events of their own', async () => {
      const { events, text } = await calendarOf()
      for (let number = 1; number <= 4; number += 1) {
        expect(bySlug(events, `cybersecurity-monat-2023-veranstaltung-${number}`)).toBeUndefined()
      }
      expect(bySlug(events, summerParty.slug)).toBeUndefined()
      expect(text).not.toContain(summerParty.de)
    })

    it('should never show a draft event', async () => {
      const { events, text } = await calendarOf()
      expect(bySlug(events, secretEvent.slug)).toBeUndefined()
      expect(text).not.toContain(secretEvent.de)
      const shown = events.map((entry) => entry.uid.replace(/@.*$/, '')).sort()
      expect(shown).toEqual(
        [
          'jahresempfang-2023',
          'business-lounge-2023-02',
          'it-security-day-2023',
          'digitaltag-thueringen-2023',
          'cybersecurity-monat-2023',
          'business-lounge-2023-11',
          workshop.slug,
          consultation.slug,
        ].sort(),
      )
    })

    it('should keep every UID when fetched again and when the programme changes', async () => {
      const first = await calendarOf()
      const again = await calendarOf()
      const uids = (events: ICAL.Event[]) => events.map((entry) => entry.uid)
      expect(uids(again.events)).toEqual(uids(first.events))
      expect(new Set(uids(first.events)).size).toBe(first.events.length)

      await send(
        'POST',
        '/api/events',
        event({
          title: lateEvent.de,
          slug: lateEvent.slug,
          startsAt: '2023-12-07T17:00:00.000Z',
          _status: 'published',
        }),
        editor,
      )
      let changed = first
      for (let attempt = 0; attempt < 40 && !bySlug(changed.events, lateEvent.slug); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        changed = await calendarOf()
      }
      expect(bySlug(changed.events, lateEvent.slug)).toBeDefined()
      for (const entry of first.events) {
        const same = changed.events.find((candidate) => candidate.uid === entry.uid)
        expect([same?.summary, same?.startDate.toString()]).toEqual([
          entry.summary,
          entry.startDate.toString(),
        ])
      }
    })

    it('should speak English with ?locale=en and fall back to German where English is missing', async () => {
      const { events } = await calendarOf('?locale=en')
      expect(bySlug(events, 'jahresempfang-2023')!.summary).toBe('Annual Reception 2023')
      expect(bySlug(events, 'cybersecurity-monat-2023')!.summary).toBe('Cybersecurity Month 2023')
      expect(bySlug(events, workshop.slug)!.summary).toBe(workshop.en)
      expect(bySlug(events, consultation.slug)!.summary).toBe(consultation.de)
    })
  })

  describe('RSS, Atom and JSON Feed', () => {
    /** The published projects' and stories' titles as the REST API gives them. */
    const expectedTitles = async (locale: string) =>
      [
        ...(await publishedTitles('projects', locale)),
        ...(await publishedTitles('stories', locale)),
      ].sort()

    const fetchText = async (path: string, contentType: string) => {
      const response = await get(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe(`${contentType}; charset=utf-8`)
      return response.text()
    }

    const newestFirst = (dates: string[]) => {
      const times = dates.map((date) => new Date(date).getTime())
      expect(times.every((time) => Number.isFinite(time))).toBe(true)
      expect([...times].sort((a, b) => b - a)).toEqual(times)
    }

    it('should list the published projects and stories as RSS 2.0, newest first', async () => {
      const text = await fetchText('/api/feed/rss.xml', 'application/rss+xml')
      expect(XMLValidator.validate(text)).toBe(true)
      const { rss } = xml.parse(text) as { rss: XmlNode & { channel: XmlNode } }
      expect(rss['@_version']).toBe('2.0')
      const channel = rss.channel
      expect([channel.title, channel.language]).toEqual(['ITnet Thüringen', 'de'])
      const items = channel.item as XmlNode[]
      const titles = items.map((item) => String(item.title))
      expect([...titles].sort()).toEqual(await expectedTitles('de'))
      expect(titles).toHaveLength(6 + 1 + 1)
      expect(titles[0]).toBe(story.de)
      newestFirst(items.map((item) => String(item.pubDate)))

      const home = String(channel.link).replace(/\/$/, '')
      const storyItem = items[0]
      expect(storyItem.link).toBe(`${home}/stories/${story.slug}`)
      expect(textOf(storyItem.guid)).toBe(`${home}/stories/${story.slug}`)
      expect(storyItem['content:encoded']).toBe('<p>EFA begleitet Fachkräfte durch den Tag.</p>')
      expect(storyItem.description).toBe('Wie EFA im Alltag hilft.')
      const efa = items.find((item) => item.link === `${home}/projects/efa-app`)
      expect(efa?.title).toBe('Mobile App EFA')
    })

    it('should never list a draft project or a pending draft title', async () => {
      for (const [path, type] of [
        ['/api/feed/rss.xml', 'application/rss+xml'],
        ['/api/feed/atom.xml', 'application/atom+xml'],
        ['/api/feed/feed.json', 'application/feed+json'],
      ]) {
        const text = await fetchText(path, type)
        expect(text).not.toContain(secretProject.de)
        expect(text).not.toContain(secretProject.slug)
        expect(text).not.toContain(draftEditTitle)
        expect(text).toContain(newProject.de)
      }
    })

    it('should list the same items as Atom 1.0 with ids, dates and the site as author', async () => {
      const text = await fetchText('/api/feed/atom.xml', 'application/atom+xml')
      expect(XMLValidator.validate(text)).toBe(true)
      const { feed } = xml.parse(text) as { feed: XmlNode & { entry: XmlNode[] } }
      expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
      expect([textOf(feed.title), textOf((feed.author as XmlNode).name)]).toEqual([
        'ITnet Thüringen',
        'ITnet Thüringen',
      ])
      expect(Number.isNaN(Date.parse(String(feed.updated)))).toBe(false)
      const titles = feed.entry.map((entry) => textOf(entry.title))
      expect([...titles].sort()).toEqual(await expectedTitles('de'))
      expect(titles[0]).toBe(story.de)
      newestFirst(feed.entry.map((entry) => String(entry.published)))
      for (const entry of feed.entry) {
        const link = (entry.link as XmlNode)['@_href']
        expect(entry.id).toBe(link)
        expect(String(link)).toMatch(/\/(projects|stories)\/[a-z0-9-]+$/)
        expect(Number.isNaN(Date.parse(String(entry.updated)))).toBe(false)
      }
      expect(textOf(feed.entry[0].content)).toBe('<p>EFA begleitet Fachkräfte durch den Tag.</p>')
    })

    it('should list the same items as JSON Feed 1.1', async () => {
      const text = await fetchText('/api/feed/feed.json', 'application/feed+json')
      const feed = JSON.parse(text) as JsonFeed
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
      expect([feed.title, feed.language]).toEqual(['ITnet Thüringen', 'de'])
      expect(feed.authors).toEqual([expect.objectContaining({ name: 'ITnet Thüringen' })])
      expect(feed).not.toHaveProperty('author')
      expect(String(feed.feed_url)).toMatch(/\/api\/feed\/feed\.json$/)
      for (const item of feed.items) {
        expect(item).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            url: expect.stringMatching(/^https?:\/\/.+\/(projects|stories)\/[a-z0-9-]+$/),
            title: expect.any(String),
            content_html: expect.any(String),
            date_published: expect.any(String),
          }),
        )
        expect(item).not.toHaveProperty('author')
      }
      const titles = feed.items.map((item) => String(item.title))
      expect([...titles].sort()).toEqual(await expectedTitles('de'))
      expect(feed.items[0]).toMatchObject({
        title: story.de,
        summary: 'Wie EFA im Alltag hilft.',
        content_html: '<p>EFA begleitet Fachkräfte durch den Tag.</p>',
      })
      newestFirst(feed.items.map((item) => String(item.date_published)))
    })

    it('should give English titles with ?locale=en and German where English is missing', async () => {
      const english = await expectedTitles('en')
      expect(english).toContain(story.en)
      expect(english).toContain(newProject.de)

      const rss = xml.parse(
        await fetchText('/api/feed/rss.xml?locale=en', 'application/rss+xml'),
      ) as { rss: { channel: XmlNode } }
      expect(rss.rss.channel.language).toBe('en')
      const rssTitles = (rss.rss.channel.item as XmlNode[]).map((item) => String(item.title))
      expect([...rssTitles].sort()).toEqual(english)
      expect(rssTitles).toContain('EFA mobile app')

      const atom = xml.parse(
        await fetchText('/api/feed/atom.xml?locale=en', 'application/atom+xml'),
      ) as { feed: { entry: XmlNode[] } }
      expect(atom.feed.entry.map((entry) => textOf(entry.title)).sort()).toEqual(english)

      const json = JSON.parse(
        await fetchText('/api/feed/feed.json?locale=en', 'application/feed+json'),
      ) as JsonFeed
      expect(json.language).toBe('en')
      expect(json.items.map((item) => String(item.title)).sort()).toEqual(english)
      expect(json.items[0]).toMatchObject({ title: story.en, summary: 'How EFA helps every day.' })
    })

    // Last in this block: it adds enough projects to push the oldest items out.
    it('should hold at most the 50 newest items', async () => {
      for (let number = 1; number <= 45; number += 1) {
        await send(
          'POST',
          '/api/projects',
          { title: `Projekt Nummer ${number}`, slug: `projekt-${number}`, _status: 'published' },
          editor,
        )
      }
      const newest = async () => {
        const docs: Doc[] = []
        for (const collection of ['projects', 'stories']) {
          const response = await get(`/api/${collection}?limit=200&depth=0&sort=-publishedAt`)
          docs.push(...((await response.json()) as { docs: Doc[] }).docs)
        }
        expect(docs.length).toBeGreaterThan(50)
        return docs
          .sort((a, b) => Date.parse(String(b.publishedAt)) - Date.parse(String(a.publishedAt)))
          .slice(0, 50)
          .map((doc) => doc.title)
      }
      const expected = await newest()
      expect(expected).not.toContain('FastForward')

      let rssTitles: string[] = []
      for (let attempt = 0; attempt < 40 && rssTitles.length !== 50; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250))
        const rss = xml.parse(await fetchText('/api/feed/rss.xml', 'application/rss+xml')) as {
          rss: { channel: XmlNode }
        }
        rssTitles = (rss.rss.channel.item as XmlNode[]).map((item) => String(item.title))
      }
      expect(rssTitles).toEqual(expected)

      const atom = xml.parse(await fetchText('/api/feed/atom.xml', 'application/atom+xml')) as {
        feed: { entry: XmlNode[] }
      }
      expect(atom.feed.entry.map((entry) => textOf(entry.title))).toEqual(expected)
      const json = JSON.parse(
        await fetchText('/api/feed/feed.json', 'application/feed+json'),
      ) as JsonFeed
      expect(json.items.map((item) => String(item.title))).toEqual(expected)
    })
  })

  it('should refuse an unknown locale with 400 naming the parameter', async () => {
    for (const file of ['events.ics', 'rss.xml', 'atom.xml', 'feed.json']) {
      const response = await get(`/api/feed/${file}?locale=fr`)
      expect(response.status).toBe(400)
      const body = (await response.json()) as { errors: { message: string }[] }
      expect(body.errors[0].message).toContain('"fr"')
      expect(body.errors[0].message).toContain('"locale"')
    }
  })
})

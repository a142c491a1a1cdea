import fs from 'node:fs'

import { buildFeedSchema } from '../../../plugins/public-feed/schema/buildFeedSchema'
import { printFeedSchema } from '../../../plugins/public-feed/schema/printFeedSchema'
import { isObjectType, type GraphQLObjectType } from 'graphql'

describe('the public feed schema', () => {
  it('should match the committed SDL (run `npm run generate:feed-schema` after changing it)', () => {
    const committed = fs.readFileSync(
      new URL('../../../plugins/public-feed/schema.graphql', import.meta.url),
      'utf8',
    )
    expect(committed).toBe(printFeedSchema())
  })

  it('should be read-only', () => {
    const schema = buildFeedSchema()
    expect(schema.getMutationType()).toBeUndefined()
    expect(schema.getSubscriptionType()).toBeUndefined()
  })

  it('should have no field that is not public', () => {
    const forbidden =
      /^(contact|email|person|author|workflow|_status|memberSince|password|organisation|comment|secret)$/i
    const schema = buildFeedSchema()
    const exposed = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => Object.keys((type as GraphQLObjectType).getFields()))
    expect(exposed.length).toBeGreaterThan(50)
    expect(exposed.filter((field) => forbidden.test(field))).toEqual([])
  })

  it('should name every type and field of the contract', () => {
    const fields = (name: string) => {
      const type = buildFeedSchema().getType(name)
      return isObjectType(type) ? Object.keys(type.getFields()) : []
    }
    expect(fields('Project')).toEqual(
      expect.arrayContaining([
        'slug',
        'title',
        'summary',
        'status',
        'topics',
        'startDate',
        'endDate',
        'body',
        'participants',
        'image',
        'stories',
      ]),
    )
    expect(fields('Member')).toEqual(
      expect.arrayContaining([
        'slug',
        'name',
        'membershipType',
        'kind',
        'website',
        'city',
        'topics',
        'description',
        'logo',
        'projects',
      ]),
    )
    expect(fields('Partner')).toEqual(expect.arrayContaining(['slug', 'name', 'website']))
    expect(fields('Event')).toEqual(
      expect.arrayContaining([
        'slug',
        'title',
        'type',
        'startsAt',
        'endsAt',
        'datePrecision',
        'allDay',
        'location',
        'series',
        'events',
        'coHosts',
        'description',
        'registrationUrl',
      ]),
    )
    expect(fields('Story')).toEqual(
      expect.arrayContaining([
        'slug',
        'title',
        'excerpt',
        'body',
        'publishedAt',
        'project',
        'member',
      ]),
    )
    expect(fields('Query')).toEqual(
      expect.arrayContaining([
        'projects',
        'events',
        'members',
        'stories',
        'project',
        'event',
        'member',
        'story',
        'feed',
        'changesSince',
      ]),
    )
    expect(fields('RichText')).toEqual(['html', 'text'])
    expect(fields('Image')).toEqual(['url', 'alt', 'width', 'height'])
  })
})

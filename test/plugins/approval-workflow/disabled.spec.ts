import { bootConfig, type BootedPayload } from '../../helpers/bootPayload'
import { sqlite } from '../../helpers/testDatabases'
import { workflowTestConfig } from './config'
import { articles, createFixture } from './fixtures'

/** `disabled: true` keeps the schema (fields, history collection) and enforces nothing. */
describe('approval workflow, disabled', () => {
  let booted: BootedPayload

  beforeAll(async () => {
    booted = await bootConfig(
      sqlite,
      (env, secret) => workflowTestConfig(env, secret, { disabled: true }),
      {
        migrate: false,
      },
    )
  })
  afterAll(async () => booted?.shutdown())

  it('should keep the workflow fields and the history collection', () => {
    const { payload } = booted
    const fields = payload.collections[articles].config.fields.map((field) =>
      'name' in field ? field.name : '',
    )
    expect(fields).toContain('workflow')
    expect(payload.collections['workflow-events' as typeof articles]).toBeDefined()
  })

  it('should let the collection decide publishing on its own again', async () => {
    const fx = await createFixture(booted.payload)
    const article = await booted.payload.create({
      collection: articles,
      data: { title: 'Ohne Prüfung', org: fx.org, _status: 'published' } as never,
      user: fx.users.author,
      overrideAccess: false,
    })
    expect((article as unknown as { _status: string })._status).toBe('published')
  })
})

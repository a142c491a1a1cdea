import type { Payload } from 'payload'

import { defaultDefinition } from '../../../plugins/approval-workflow'
import { performTransition } from '../../../plugins/approval-workflow/utilities/performTransition'
import { readWorkflowStatus } from '../../../plugins/approval-workflow/utilities/readWorkflow'
import { bootConfig, type BootedPayload } from '../../helpers/bootPayload'
import { testDatabaseKinds } from '../../helpers/testDatabases'
import { workflowOptions, workflowTestConfig } from './config'
import { articles, createFixture, type ActorName, type Fixture } from './fixtures'

/** Scheduled approvals, published by the jobs runner that the process starts itself (cron). */
const collectionOptions = workflowOptions.collections.articles!
const context = {
  definition: defaultDefinition,
  eventsSlug: 'workflow-events',
  options: workflowOptions,
}

describe.each(testDatabaseKinds())('scheduled publication on $name', (kind) => {
  let booted: BootedPayload
  let payload: Payload
  let fx: Fixture

  beforeAll(async () => {
    booted = await bootConfig(kind, workflowTestConfig, { migrate: false, cron: true })
    payload = booted.payload
    fx = await createFixture(payload)
  })
  afterAll(async () => booted?.shutdown())

  const transition = async (
    actor: ActorName,
    id: number | string,
    name: string,
    extra: Record<string, unknown> = {},
  ) =>
    performTransition(
      await fx.reqAs(actor),
      { collection: articles, collectionOptions, id: String(id), transition: name, ...extra },
      context,
    )
  const stored = async (id: number | string) =>
    (await payload.findByID({ collection: articles, id, draft: true, depth: 0 })) as unknown as {
      workflow: { state: string }
    }

  const waitFor = async (check: () => Promise<boolean>, timeoutMs: number) => {
    const until = Date.now() + timeoutMs
    while (Date.now() < until) {
      if (await check()) return true
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    return false
  }
  const isPublic = async (id: number | string) =>
    (
      await payload.find({
        collection: articles,
        where: { id: { equals: id } },
        overrideAccess: false,
      })
    ).docs.length === 1

  it("should publish a scheduled approval through the server's own job runner", async () => {
    const article = await fx.articleIn('in_review')
    const result = await transition('otherEditor', article.id, 'approve', {
      publishAt: new Date(Date.now() + 1500).toISOString(),
    })
    expect(result).toMatchObject({ state: 'scheduled', live: false })
    expect(await isPublic(article.id)).toBe(false)
    // Due after 1.5 s, the runner looks every second: allow a loaded machine 20 s.
    expect(await waitFor(() => isPublic(article.id), 20_000)).toBe(true)
    const status = await readWorkflowStatus(
      await fx.reqAs('author'),
      articles,
      collectionOptions,
      String(article.id),
      context,
    )
    expect(status.state).toBe('published')
    expect(status.history.map((step) => step.transition)).toEqual(['approve', 'publish_scheduled'])
  })

  it('should not publish what was unscheduled in time', async () => {
    const article = await fx.articleIn('in_review')
    await transition('otherEditor', article.id, 'approve', {
      publishAt: new Date(Date.now() + 1500).toISOString(),
    })
    await transition('admin', article.id, 'unschedule')
    await new Promise((resolve) => setTimeout(resolve, 4000))
    expect(await isPublic(article.id)).toBe(false)
    expect((await stored(article.id)).workflow.state).toBe('in_review')
  })
})

import type { Payload } from 'payload'

import { bootConfig, type BootedPayload } from '../../helpers/bootPayload'
import { testDatabaseKinds } from '../../helpers/testDatabases'
import { startSmtpOutbox } from '../../helpers/smtpOutbox'
import { workflowTestConfig } from './config'
import { articles, createFixture, type Fixture } from './fixtures'

/**
 * What the jobs runner (started by the process itself, as the server does) does for the
 * workflow: scheduled publications and e-mail notifications, read from a real SMTP outbox.
 */

describe.each(testDatabaseKinds())('workflow background jobs on $name', (kind) => {
  let booted: BootedPayload
  let payload: Payload
  let fx: Fixture
  let outbox: Awaited<ReturnType<typeof startSmtpOutbox>>

  beforeAll(async () => {
    outbox = await startSmtpOutbox()
    process.env.WORKFLOW_TEST_SMTP_PORT = String(outbox.port)
    booted = await bootConfig(kind, workflowTestConfig, { migrate: false, cron: true })
    payload = booted.payload
    fx = await createFixture(payload)
  })
  afterAll(async () => {
    await booted?.shutdown()
    await outbox?.stop()
    delete process.env.WORKFLOW_TEST_SMTP_PORT
  })

  const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs: number) => {
    const until = Date.now() + timeoutMs
    while (Date.now() < until) {
      if (await check()) return true
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    return false
  }
  const mailsAbout = (title: string) =>
    outbox.messages.filter((mail) => mail.subject.includes(title))
  const titleOf = async (id: number | string) =>
    (
      (await payload.findByID({ collection: articles, id, draft: true })) as unknown as {
        title: string
      }
    ).title

  const transition: Fixture['transition'] = (...args) => fx.transition(...args)
  const stored = (id: number | string) => fx.stored(id)

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
    const status = await fx.statusAs('author', article.id)
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

  it('should mail the editors on submission and the submitter on the decision', async () => {
    const article = await fx.articleIn('draft')
    const title = await titleOf(article.id)
    await transition('author', article.id, 'submit')
    expect(await waitFor(() => mailsAbout(title).length === 1, 20_000)).toBe(true)
    const editors = [fx.users.submittingEditor, fx.users.otherEditor, fx.users.admin].map(
      (user) => user!.email,
    )
    expect(mailsAbout(title)[0]!.to.sort()).toEqual((editors as string[]).sort())
    expect(mailsAbout(title)[0]!.subject).toContain('In Prüfung')

    await transition('otherEditor', article.id, 'request_changes', { comment: 'Bitte kürzen' })
    expect(await waitFor(() => mailsAbout(title).length === 2, 20_000)).toBe(true)
    const decision = mailsAbout(title)[1]!
    expect(decision.to).toEqual([fx.users.author!.email])
    expect(decision.raw).toContain('Bitte k')
  })

  it('should keep a transition when the mail server is down, and deliver once it is back', async () => {
    const article = await fx.articleIn('draft')
    const title = await titleOf(article.id)
    await outbox.stop()
    const result = await transition('author', article.id, 'submit')
    expect(result.state).toBe('in_review')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(mailsAbout(title)).toHaveLength(0)
    await outbox.start()
    expect(await waitFor(() => mailsAbout(title).length === 1, 20_000)).toBe(true)
    expect((await stored(article.id)).workflow.state).toBe('in_review')
  })
})

import type { Payload } from 'payload'

import { defaultDefinition } from '../../../plugins/approval-workflow'
import { WorkflowError } from '../../../plugins/approval-workflow/errors'
import type { TransitionDefinition } from '../../../plugins/approval-workflow/types'
import { bootConfig, type BootedPayload } from '../../helpers/bootPayload'
import { refusalStatus } from '../../helpers/expectRefused'
import { testDatabaseKinds } from '../../helpers/testDatabases'
import { workflowTestConfig } from './config'
import { actorNames, articles, createFixture, type ActorName, type Fixture } from './fixtures'

const events = 'workflow-events' as typeof articles
const states = Object.keys(defaultDefinition.states)
const editors: ActorName[] = ['submittingEditor', 'otherEditor', 'admin']
const ownOrganisation: ActorName[] = ['author', 'colleague']

/** What the definition says should happen: the HTTP status of the attempt. */
const expectedStatus = (
  transition: TransitionDefinition,
  state: string,
  actor: ActorName,
): number => {
  if (actor === 'anonymous') return 401
  const live = state === 'published'
  if (!live && !editors.includes(actor) && !ownOrganisation.includes(actor)) return 404
  const isActor =
    (transition.actors.includes('editor') && editors.includes(actor)) ||
    (transition.actors.includes('organisation') && ownOrganisation.includes(actor))
  if (!isActor) return 403
  if (!transition.from.includes(state)) return 409
  if (transition.fourEyes && actor === 'submittingEditor') return 403
  return 200
}

const matrix = defaultDefinition.transitions.flatMap((transition) =>
  states.flatMap((state) => actorNames.map((actor) => [transition.name, state, actor] as const)),
)

describe.each(testDatabaseKinds())('approval workflow on $name', (kind) => {
  let booted: BootedPayload
  let payload: Payload
  let fx: Fixture

  beforeAll(async () => {
    booted = await bootConfig(kind, workflowTestConfig, { migrate: false })
    payload = booted.payload
    fx = await createFixture(payload)
  })
  afterAll(async () => booted?.shutdown())

  const transition: Fixture['transition'] = (...args) => fx.transition(...args)

  const stored = (id: number | string) => fx.stored(id)
  const historyLength = async (id: number | string) =>
    (await payload.count({ collection: events, where: { document: { equals: String(id) } } }))
      .totalDocs

  it.each(matrix)('%s from %s as %s', async (name, state, actor) => {
    const definition = defaultDefinition.transitions.find((t) => t.name === name)!
    const expected = expectedStatus(definition, state, actor)
    const article = await fx.articleIn(state)
    const attempt = () => transition(actor, article.id, name, { comment: 'Begründung' })
    if (expected === 200) {
      const result = await attempt()
      expect(result.state).toBe(definition.to)
      expect((await stored(article.id)).workflow.state).toBe(definition.to)
      expect(await historyLength(article.id)).toBe(1)
    } else {
      const error = await attempt().then(
        () => undefined,
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(WorkflowError)
      expect((error as WorkflowError).status).toBe(expected)
      expect((await stored(article.id)).workflow.state).toBe(state)
      expect(await historyLength(article.id)).toBe(0)
    }
  })

  describe('the API contract', () => {
    it('should refuse an unknown transition and a missing comment with 400', async () => {
      const article = await fx.articleIn('in_review')
      await expect(transition('otherEditor', article.id, 'teleport')).rejects.toMatchObject({
        status: 400,
        code: 'WORKFLOW_UNKNOWN_TRANSITION',
      })
      await expect(transition('otherEditor', article.id, 'reject')).rejects.toMatchObject({
        status: 400,
        code: 'WORKFLOW_COMMENT_REQUIRED',
      })
      await expect(
        transition('otherEditor', article.id, 'reject', { comment: '   ' }),
      ).rejects.toMatchObject({ status: 400 })
      expect((await stored(article.id)).workflow.state).toBe('in_review')
    })

    it('should list only the transitions the caller may take now', async () => {
      const draft = await fx.articleIn('draft')
      const status = await fx.statusAs('author', draft.id)
      expect(status).toMatchObject({
        state: 'draft',
        live: false,
        transitions: ['submit'],
        history: [],
      })
      const review = await fx.articleIn('in_review')
      const own = await fx.statusAs('submittingEditor', review.id)
      expect(own.transitions.sort()).toEqual(['reject', 'request_changes'])
      const other = await fx.statusAs('otherEditor', review.id)
      expect(other.transitions.sort()).toEqual(['approve', 'reject', 'request_changes'])
    })

    it('should record who did what, with the comment', async () => {
      const article = await fx.articleIn('draft')
      await transition('author', article.id, 'submit')
      await transition('otherEditor', article.id, 'request_changes', {
        comment: 'Bitte Quellen ergänzen',
      })
      await transition('colleague', article.id, 'submit')
      const result = await transition('admin', article.id, 'approve')
      expect(result.live).toBe(true)
      expect(result.history.map((event) => [event.transition, event.from, event.to])).toEqual([
        ['submit', 'draft', 'in_review'],
        ['request_changes', 'in_review', 'changes_requested'],
        ['submit', 'changes_requested', 'in_review'],
        ['approve', 'in_review', 'published'],
      ])
      // Each step names the version it produced, and the trail is append-only, even for admins.
      const versions = await payload.findVersions({
        collection: articles,
        where: { parent: { equals: article.id } },
        pagination: false,
      })
      const versionIds = versions.docs.map((version) => String(version.id))
      for (const step of result.history) expect(versionIds).toContain(step.version)
      const event = (
        await payload.find({
          collection: events,
          where: { document: { equals: String(article.id) } },
        })
      ).docs[0]!
      const asAdmin = { user: fx.users.admin, overrideAccess: false }
      expect(
        await refusalStatus(() =>
          payload.update({
            collection: events,
            id: event.id,
            data: { comment: 'x' } as never,
            ...asAdmin,
          }),
        ),
      ).toBe(403)
      expect(
        await refusalStatus(() => payload.delete({ collection: events, id: event.id, ...asAdmin })),
      ).toBe(403)
      expect(
        await refusalStatus(() =>
          payload.create({ collection: events, data: {} as never, ...asAdmin }),
        ),
      ).toBe(403)
      expect(await historyLength(article.id)).toBe(4)
      expect(result.history[1]).toMatchObject({
        user: fx.users.otherEditor!.id,
        comment: 'Bitte Quellen ergänzen',
      })
      // The colleague submitted last: the author could now approve? No: members never approve.
      expect((await stored(article.id)).workflow.submittedBy).toEqual(fx.users.colleague!.id)
    })

    it('should schedule an approval with a future publishAt instead of publishing', async () => {
      const article = await fx.articleIn('in_review')
      const result = await transition('otherEditor', article.id, 'approve', {
        publishAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
      expect(result).toMatchObject({ state: 'scheduled', live: false })
      await expect(
        transition('otherEditor', article.id, 'approve', { publishAt: 'morgen' }),
      ).rejects.toMatchObject({ status: 400 })
    })
  })

  describe('publishing outside a transition', () => {
    it('should refuse a member creating a published article and store nothing', async () => {
      const before = (await payload.count({ collection: articles })).totalDocs
      await refusalStatus(() =>
        payload.create({
          collection: articles,
          data: { title: 'Sofort', org: fx.org, _status: 'published' } as never,
          user: fx.users.author,
          overrideAccess: false,
        }),
      )
      expect((await payload.count({ collection: articles })).totalDocs).toBe(before)
    })

    it.each(['author', 'otherEditor', 'admin'] as ActorName[])(
      'should refuse %s publishing by _status, by id or in bulk',
      async (actor) => {
        const article = await fx.articleIn('in_review')
        const asActor = { user: fx.users[actor], overrideAccess: false }
        expect(
          await refusalStatus(() =>
            payload.update({
              collection: articles,
              id: article.id,
              data: { _status: 'published' } as never,
              ...asActor,
            }),
          ),
        ).toBe(403)
        await refusalStatus(() =>
          payload.update({
            collection: articles,
            where: { id: { equals: article.id } },
            data: { _status: 'published' } as never,
            ...asActor,
          }),
        )
        expect(await stored(article.id)).toMatchObject({
          _status: 'draft',
          workflow: { state: 'in_review' },
        })
        const anonymous = await payload.find({
          collection: articles,
          where: { id: { equals: article.id } },
          overrideAccess: false,
        })
        expect(anonymous.docs).toHaveLength(0)
      },
    )

    it('should refuse writing the workflow state directly', async () => {
      const article = await fx.articleIn('draft')
      const status = await refusalStatus(() =>
        payload.update({
          collection: articles,
          id: article.id,
          data: { workflow: { state: 'published' } } as never,
          user: fx.users.otherEditor,
          overrideAccess: false,
        }),
      )
      expect(status).toBe(403)
      expect((await stored(article.id)).workflow.state).toBe('draft')
    })

    it('should start a duplicate from the beginning, not live', async () => {
      const article = await fx.articleIn('published')
      const copy = await payload.duplicate({
        collection: articles,
        id: article.id,
        user: fx.users.otherEditor,
        overrideAccess: false,
      })
      const copied = await stored(copy.id)
      expect(copied.workflow.state).toBe('draft')
      const anonymous = await payload.find({
        collection: articles,
        where: { id: { equals: copy.id } },
        overrideAccess: false,
      })
      expect(anonymous.docs).toHaveLength(0)
    })

    it('should refuse restoring a published version', async () => {
      const article = await fx.articleIn('in_review')
      await transition('otherEditor', article.id, 'approve')
      await transition('admin', article.id, 'archive')
      const versions = await payload.findVersions({
        collection: articles,
        where: { parent: { equals: article.id }, 'version._status': { equals: 'published' } },
      })
      expect(versions.docs.length).toBeGreaterThan(0)
      // Restoring a published version would publish it again: refused.
      const status = await refusalStatus(() =>
        payload.restoreVersion({
          collection: articles,
          id: versions.docs[0]!.id,
          user: fx.users.otherEditor,
          overrideAccess: false,
        }),
      )
      expect(status).toBe(403)
      const anonymous = await payload.find({
        collection: articles,
        where: { id: { equals: article.id } },
        overrideAccess: false,
      })
      expect(anonymous.docs).toHaveLength(0)
      expect((await stored(article.id)).workflow.state).toBe('archived')
    })
  })

  describe('pending revisions of live content', () => {
    it('should keep serving the live version until the revision is approved', async () => {
      const article = await fx.articleIn('draft')
      await transition('author', article.id, 'submit')
      await transition('otherEditor', article.id, 'approve')
      const publicTitle = async () =>
        (
          await payload.find({
            collection: articles,
            where: { id: { equals: article.id } },
            overrideAccess: false,
          })
        ).docs.map((doc) => (doc as unknown as { title: string }).title)[0]

      const before = await publicTitle()
      await payload.update({
        collection: articles,
        id: article.id,
        data: { title: 'Neue Fassung' } as never,
        user: fx.users.author,
        overrideAccess: false,
      })
      expect(await publicTitle()).toBe(before)
      const status = await fx.statusAs('author', article.id)
      expect(status).toMatchObject({ state: 'draft', live: true })

      await transition('author', article.id, 'submit')
      expect(await publicTitle()).toBe(before)
      await transition('otherEditor', article.id, 'approve')
      expect(await publicTitle()).toBe('Neue Fassung')
    })
  })

  describe('leaks', () => {
    it('should give anonymous callers and other organisations nothing of the workflow', async () => {
      const article = await fx.articleIn('draft')
      await transition('author', article.id, 'submit')
      await transition('otherEditor', article.id, 'reject', { comment: 'Vertraulicher Grund' })
      const read = async (actor: ActorName) => fx.statusAs(actor, article.id)
      await expect(read('anonymous')).rejects.toMatchObject({ status: 401 })
      await expect(read('otherMember')).rejects.toMatchObject({ status: 404 })
      expect((await read('colleague')).history).toHaveLength(2)

      await refusalStatus(() => payload.find({ collection: events, overrideAccess: false }))
      const other = await payload.find({
        collection: events,
        user: fx.users.otherMember,
        overrideAccess: false,
      })
      expect(other.docs).toHaveLength(0)
      const own = await payload.find({
        collection: events,
        user: fx.users.author,
        overrideAccess: false,
        pagination: false,
      })
      expect(
        own.docs.some(
          (event) =>
            String((event as unknown as { document: string }).document) === String(article.id),
        ),
      ).toBe(true)

      await refusalStatus(() =>
        payload.findVersions({ collection: articles, overrideAccess: false }),
      )
      const otherVersions = await payload.findVersions({
        collection: articles,
        user: fx.users.otherMember,
        overrideAccess: false,
      })
      expect(otherVersions.docs).toHaveLength(0)
      const ownVersions = await payload.findVersions({
        collection: articles,
        user: fx.users.author,
        overrideAccess: false,
        where: { parent: { equals: article.id } },
      })
      expect(ownVersions.docs.length).toBeGreaterThan(0)
    })

    it('should refuse published-but-foreign workflows with 403', async () => {
      const article = await fx.articleIn('published')
      await expect(fx.statusAs('otherMember', article.id)).rejects.toMatchObject({ status: 403 })
    })
  })

  describe('concurrency', () => {
    it('should let exactly one of two simultaneous approvals win', async () => {
      const article = await fx.articleIn('in_review')
      const results = await Promise.allSettled([
        transition('otherEditor', article.id, 'approve'),
        transition('admin', article.id, 'approve'),
      ])
      const fulfilled = results.filter((result) => result.status === 'fulfilled')
      const rejected = results.filter(
        (result): result is PromiseRejectedResult => result.status === 'rejected',
      )
      expect(fulfilled).toHaveLength(1)
      expect(rejected).toHaveLength(1)
      expect(rejected[0]!.reason).toMatchObject({ status: 409 })
      expect(await historyLength(article.id)).toBe(1)
      expect((await stored(article.id)).workflow.state).toBe('published')
    })
  })
})

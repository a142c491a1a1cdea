import crypto from 'node:crypto'
import fs from 'node:fs'

import { chromium, type Browser, type Locator, type Page } from 'playwright-core'

import { startServer, type RunningServer } from '../helpers/startServer'
import { sqlite, type TestDatabase } from '../helpers/testDatabases'

/** The admin UI in a real browser (Debian's Chromium), against the running production build. */

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = fs.existsSync(chromiumPath)
if (!hasChromium) {
  process.stdout.write(
    `SKIP: the admin browser suite is skipped: no Chromium at ${chromiumPath} (apt-get install chromium).\n`,
  )
}
const describeWithBrowser = hasChromium ? describe : describe.skip

/** Waits (the admin renders asynchronously) until the element shows exactly `text`. */
const toHaveText = async (locator: Locator, text: string) => {
  await locator.filter({ hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 30_000 })
}

describeWithBrowser('admin UI in Chromium', () => {
  const password = 'browser-test-password'
  let database: TestDatabase
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    database = await sqlite.create()
    server = await startServer({
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
      SEED_DEMO: 'true',
      DEMO_PASSWORD: password,
    })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await database?.drop()
  })

  const signIn = async (email: string): Promise<Page> => {
    const context = await browser.newContext({ locale: 'de-DE' })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.locator('#field-email').fill(email)
    await page.locator('#field-password').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })
    return page
  }

  it("should show an editor the interview's projects", async () => {
    const page = await signIn('redaktion@itnet.example')
    await page.goto(`${server.url}/admin/collections/projects`)
    await page.getByText('FastForward').first().waitFor({ timeout: 30_000 })
    await page.getByText('Mobile App EFA').first().waitFor()
    await page.context().close()
  })

  it('should let a member save a draft story that belongs to its organisation', async () => {
    const page = await signIn('qsoft@itnet.example')
    await page.goto(`${server.url}/admin/collections/stories/create`)
    await page.locator('#field-title').fill('Unterwegs mit EFA')
    const project = page.locator('#field-project')
    await project.click()
    await page.keyboard.type('EFA')
    await page.getByRole('option', { name: /EFA/ }).first().click()
    await page.getByRole('button', { name: /Entwurf speichern|Save draft/i }).click()
    await page.waitForURL(/\/admin\/collections\/stories\/\d+/, { timeout: 30_000 })
    const id = page.url().split('/').pop()!.split('?')[0]
    await page.context().close()

    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'redaktion@itnet.example', password }),
    })
    const { token } = (await login.json()) as { token: string }
    const story = (await (
      await fetch(`${server.url}/api/stories/${id}?depth=1`, {
        headers: { Authorization: `JWT ${token}` },
      })
    ).json()) as {
      title: string
      _status: string
      member: { slug: string }
      project: { slug: string }
    }
    expect(story).toMatchObject({ title: 'Unterwegs mit EFA', _status: 'draft' })
    expect(story.member.slug).toBe('q-soft')
    expect(story.project.slug).toBe('efa-app')
    expect((await fetch(`${server.url}/api/stories/${id}`)).status).toBe(404)
  })

  it('should take a story from a member through review to the public', async () => {
    const shot = (page: Page, name: string) =>
      page.screenshot({ path: `test-results/workflow-${name}.png`, fullPage: true })
    const member = await signIn('qsoft@itnet.example')
    // A member's navigation: its organisation, stories and images, nothing of the editors'.
    await member.goto(`${server.url}/admin`)
    const nav = member.locator('nav')
    await nav.getByRole('link', { name: 'Projektgeschichten' }).first().waitFor({ timeout: 30_000 })
    expect(await nav.getByRole('link', { name: 'Mitglieder' }).count()).toBeGreaterThan(0)
    for (const hidden of ['Projekte', 'Veranstaltungen', 'Benutzer', 'Freigabeverlauf']) {
      expect(await nav.getByRole('link', { name: hidden, exact: true }).count()).toBe(0)
    }
    await member.goto(`${server.url}/admin/collections/stories/create`)
    await member.locator('#field-title').fill('EFA im Praxistest')
    await member.locator('#field-project').click()
    await member.keyboard.type('EFA')
    await member.getByRole('option', { name: /EFA/ }).first().click()
    await member.getByRole('button', { name: /Entwurf speichern|Save draft/i }).click()
    await member.waitForURL(/\/admin\/collections\/stories\/\d+/, { timeout: 30_000 })
    const storyUrl = member.url().split('?')[0]!
    const id = storyUrl.split('/').pop()!

    const state = (page: Page) => page.getByTestId('workflow-state')
    await member.getByRole('button', { name: 'Zur Prüfung einreichen' }).click()
    await toHaveText(state(member), 'In Prüfung')

    const editor = await signIn('redaktion@itnet.example')
    // The state is a list column and a filter.
    await editor.goto(
      `${server.url}/admin/collections/stories?where[workflow.state][equals]=in_review`,
    )
    const row = editor.locator('tr', { hasText: 'EFA im Praxistest' })
    await row.getByText('In Prüfung').waitFor({ timeout: 30_000 })
    await editor.goto(
      `${server.url}/admin/collections/stories?where[workflow.state][equals]=published`,
    )
    await editor
      .getByRole('heading', { name: 'Projektgeschichten' })
      .first()
      .waitFor({ timeout: 30_000 })
    expect(await editor.locator('tr', { hasText: 'EFA im Praxistest' }).count()).toBe(0)
    await editor.goto(`${server.url}/admin`)
    const waiting = editor.getByTestId('awaiting-review')
    await waiting.getByRole('link', { name: 'EFA im Praxistest' }).click()
    await editor.waitForURL(new RegExp(`/stories/${id}`))
    // Payload's own Publish is no door in a workflow collection, not even for editors.
    await editor.getByRole('button', { name: /Entwurf speichern|Save draft/i }).waitFor()
    expect(await editor.getByRole('button', { name: /Veröffentlichen|Publish/ }).count()).toBe(0)
    await editor.locator('#workflow-comment').fill('Bitte ein Foto ergänzen.')
    await shot(editor, 'panel')
    await editor.getByRole('button', { name: 'Änderungen erbitten' }).click()
    await toHaveText(state(editor), 'Änderungen erbeten')

    await member.reload()
    await member.getByRole('button', { name: 'Zur Prüfung einreichen' }).click()
    await toHaveText(state(member), 'In Prüfung')

    await editor.reload()
    await editor.getByRole('button', { name: 'Freigeben' }).click()
    await toHaveText(state(editor), 'Veröffentlicht')
    await shot(editor, 'approved')

    expect((await fetch(`${server.url}/api/stories/${id}`)).status).toBe(200)
    await member.context().close()
    await editor.context().close()
  })
})

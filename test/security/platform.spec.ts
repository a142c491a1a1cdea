import crypto from 'node:crypto'
import fs from 'node:fs'

import { chromium, type Browser } from 'playwright-core'

import { runServerUntilExit, startServer, type RunningServer } from '../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../helpers/testDatabases'
import { clientAt, type Json } from './helpers/clientAt'

/**
 * The platform around the content: security headers on every response (the admin's content
 * security policy proven in a real browser) and the production switches that would destroy data.
 */

const password = 'platform-attack-password'
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const hasChromium = fs.existsSync(chromiumPath)
if (!hasChromium) {
  process.stdout.write(
    `SKIP: the admin CSP check in a browser is skipped: no Chromium at ${chromiumPath}.\n`,
  )
}

describe.each(testDatabaseKinds())('platform hardening on $name', (kind) => {
  let database: TestDatabase
  let server: RunningServer
  const secret = crypto.randomBytes(16).toString('hex')

  beforeAll(async () => {
    database = await kind.create()
    server = await startServer({
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: secret,
      SEED_DEMO: 'true',
      DEMO_PASSWORD: password,
    })
  }, 300_000)

  afterAll(async () => {
    if (server && server.child.exitCode === null) await server.stop()
    await database?.drop()
  })

  it('[S31] sends the security headers on every response, the admin and errors included', async () => {
    const client = clientAt(server.url)
    const responses = [
      await client.get('/admin/login'),
      await client.get('/admin'),
      await client.get('/api/projects?limit=1'),
      await client.get('/api/users'),
      await client.get('/api/no-such-collection'),
      await client.get('/api/feed/graphql?query=%7Bprojects%7BtotalCount%7D%7D'),
      await client.graphql('/api/graphql', '{ Projects { totalDocs } }'),
      await client.send('POST', '/api/graphql', '{"query":'),
      await client.get('/healthz'),
      await client.get('/no-such-page'),
    ]
    for (const response of responses) {
      const headers = response.headers
      const where = `${response.url} (${response.status})`
      expect([where, headers.get('x-content-type-options')]).toEqual([where, 'nosniff'])
      expect([where, headers.get('x-frame-options')]).toEqual([where, 'SAMEORIGIN'])
      expect([where, headers.get('referrer-policy')]).toEqual([where, 'no-referrer'])
      expect([where, headers.get('x-powered-by')]).toEqual([where, null])
      const policy = headers.get('content-security-policy') ?? ''
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "form-action 'self'",
      ]) {
        expect([where, policy]).toEqual([where, expect.stringContaining(directive)])
      }
      // Production never allows eval.
      expect(policy).not.toContain('unsafe-eval')
      await response.arrayBuffer()
    }
  })

  ;(hasChromium ? it : it.skip)(
    '[S31] the admin works under its content security policy: no violation while signing in and editing',
    async () => {
      const browser: Browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      })
      try {
        const page = await browser.newPage()
        const violations: string[] = []
        page.on('console', (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text())) {
            violations.push(message.text())
          }
        })
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (event) => {
            console.error(`Refused to load ${event.blockedURI} (${event.violatedDirective})`)
          })
        })
        await page.goto(`${server.url}/admin/login`)
        await page.locator('#field-email').fill('redaktion@itnet.example')
        await page.locator('#field-password').fill(password)
        await page.locator('button[type="submit"]').click()
        await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 30_000 })
        // A list, a rich-text edit view (Lexical) and the upload form.
        await page.goto(`${server.url}/admin/collections/projects`)
        await page.getByText('FastForward').first().click({ timeout: 30_000 })
        await page.locator('[data-lexical-editor="true"]').first().waitFor({ timeout: 30_000 })
        await page.goto(`${server.url}/admin/collections/media/create`)
        await page
          .locator('input[type="file"]')
          .first()
          .waitFor({ state: 'attached', timeout: 30_000 })
        expect(violations).toEqual([])
      } finally {
        await browser.close()
      }
    },
  )

  it('[S32] refuses PAYLOAD_DROP_DATABASE and a forced schema push in production, and keeps the data', async () => {
    const count = async () =>
      ((await (await clientAt(server.url).get('/api/partners?limit=1')).json()) as Json).totalDocs
    const before = await count()
    expect(before).toBeGreaterThan(0)
    await server.stop()
    for (const [name, entry] of [
      ['PAYLOAD_DROP_DATABASE', 'server'],
      ['PAYLOAD_FORCE_DRIZZLE_PUSH', 'server'],
      ['PAYLOAD_DROP_DATABASE', 'seed'],
    ] as const) {
      const { code, output } = await runServerUntilExit(
        {
          NODE_ENV: 'production',
          DATABASE_URI: database.uri,
          PAYLOAD_SECRET: secret,
          [name]: 'true',
        },
        60_000,
        entry,
      )
      expect([name, entry, code]).toEqual([name, entry, 1])
      expect(output).toContain(`${name}=true`)
      expect(output).toContain('refused in production')
    }
    server = await startServer({
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: secret,
      SEED: 'false',
    })
    expect(await count()).toBe(before)
  })
})

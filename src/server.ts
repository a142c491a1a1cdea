import { once } from 'node:events'
import type { AddressInfo } from 'node:net'

import next from 'next'
import { getPayload } from 'payload'

import { feedRouter } from '../plugins/public-feed/http/expressRouter'
import { getFeedRuntime } from '../plugins/public-feed/http/feedRuntime'
import { buildHubConfig } from './buildHubConfig'
import { optimizeSqlite } from './database/optimizeSqlite'
import { ConfigurationError, projectRoot, readEnv } from './env'
import { demoUsers } from './seed/data/demoUsers'
import { seedIfEmpty } from './seed/seedIfEmpty'
import { createApp, type NextRequestHandler } from './server/createApp'
import { installGracefulShutdown } from './server/gracefulShutdown'
import type { Readiness } from './server/healthRoutes'

/**
 * Start-up: config → Payload (migrations in production) → seed on an empty database → Next
 * → feed schema → listen. One Payload per process: Next's route handlers find this instance through
 * `getPayload`'s cache.
 */
const start = async () => {
  const env = readEnv()
  // cron: this process runs the jobs queue (scheduled publications, mails, webhooks) itself,
  // unless another node of several does (JOBS_AUTORUN=false).
  const payload = await getPayload({ config: buildHubConfig({ env }), cron: env.jobsAutorun })

  if (env.seed) {
    const report = await seedIfEmpty(payload, {
      demoUsers: env.seedDemo,
      demoPassword: env.demoPassword,
    })
    if (report) payload.logger.info(`Seeded an empty database: ${report.created} documents`)
  }

  if (env.production && !env.serverUrl && !env.embeddedDefault) {
    payload.logger.warn(
      `SERVER_URL is not set: only ${env.csrfOrigins.join(' and ')} may use the admin's session ` +
        'cookie. Behind a proxy or on a public address, set SERVER_URL to that address.',
    )
  }

  // Planner statistics once the data is there (SQLite only).
  await optimizeSqlite(payload)

  // This server owns the signals; Next must not exit on its own.
  process.env.NEXT_MANUAL_SIG_HANDLE = 'true'
  const nextApp = next({ dev: !env.production, dir: projectRoot })
  await nextApp.prepare()
  const nextHandler = nextApp.getRequestHandler() as NextRequestHandler

  // The feed's schema is built now, not on the first request.
  const feed = getFeedRuntime(payload)
  await feed.revisions.revision()

  const readiness: Readiness = { shuttingDown: false }
  const app = createApp({
    payload,
    readiness,
    nextHandler,
    authRateLimit: env.authRateLimit,
    graphqlRateLimit: env.graphqlRateLimit,
    production: env.production,
    serverUrl: env.serverUrl,
    feedRouter: env.feed.fastPath ? feedRouter(payload) : undefined,
  })
  const server = app.listen(env.port, env.host)
  await once(server, 'listening')
  installGracefulShutdown(server, payload, readiness)

  const { port } = server.address() as AddressInfo
  const url = env.serverUrl ?? `http://localhost:${port}`
  const lines = [`ITnet hub (${payload.db.name}) listening on ${url} — admin: ${url}/admin`]
  if (env.seedDemo) {
    lines.push(`Demo logins (password "${env.demoPassword}"):`)
    for (const user of demoUsers) lines.push(`  ${user.email.padEnd(26)} ${user.role}`)
  }
  console.log(lines.join('\n'))
}

start().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? `Cannot start: ${error.message}` : error)
  process.exit(1)
})

import type { Server } from 'node:http'

import type { Payload } from 'payload'

import { closeDatabase } from '../database/closeDatabase'
import type { Readiness } from './healthRoutes'

/**
 * On SIGTERM/SIGINT: report not ready, stop accepting, let in-flight requests finish (up to
 * `graceMs`), close Payload and its pools, exit 0.
 */
export const installGracefulShutdown = (
  server: Server,
  payload: Payload,
  readiness: Readiness,
  graceMs = 10_000,
): void => {
  const stop = async (signal: NodeJS.Signals) => {
    if (readiness.shuttingDown) return
    readiness.shuttingDown = true
    payload.logger.info(`${signal}: draining requests, then shutting down`)
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const force = setTimeout(() => server.closeAllConnections(), graceMs)
    force.unref()
    try {
      await closed
      clearTimeout(force)
      await closeDatabase(payload)
      process.exit(0)
    } catch (error) {
      payload.logger.error({ err: error }, 'shutdown failed')
      process.exit(1)
    }
  }
  // A second signal (Ctrl-C twice, a supervisor repeating itself) must not kill the drain.
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

import { Router } from 'express'
import type { Payload } from 'payload'

import type { DatabaseAvailability } from './databaseAvailability'

export type Readiness = { shuttingDown: boolean }

/**
 * `/healthz`: the process answers (no Payload work). `/readyz`: it can serve, i.e. it is not
 * shutting down and the database answers (each call pings, which also tells the monitor).
 */
export const healthRoutes = (
  payload: Payload,
  readiness: Readiness,
  availability: DatabaseAvailability,
): Router => {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    if (readiness.shuttingDown) {
      res.status(503).json({ status: 'shutting-down' })
      return
    }
    if (await availability.check()) {
      res.json({ status: 'ready', database: payload.db.name })
      return
    }
    res.status(503).json({ status: 'unavailable', database: payload.db.name })
  })
  return router
}

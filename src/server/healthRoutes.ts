import { Router } from 'express'
import type { Payload } from 'payload'

import { pingDatabase } from '../database/pingDatabase'

export type Readiness = { shuttingDown: boolean }

/**
 * `/healthz`: the process answers (no Payload work). `/readyz`: it can serve, i.e. it is not
 * shutting down and the database answers.
 */
export const healthRoutes = (payload: Payload, readiness: Readiness): Router => {
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
    try {
      await pingDatabase(payload)
      res.json({ status: 'ready', database: payload.db.name })
    } catch (error) {
      payload.logger.warn({ err: error }, 'readiness check: database did not answer')
      res.status(503).json({ status: 'unavailable', database: payload.db.name })
    }
  })
  return router
}

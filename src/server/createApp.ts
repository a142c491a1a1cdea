import express, { type Express, type Request, type Response, type Router } from 'express'
import type { Payload } from 'payload'

import { authRateLimits } from './authRateLimits'
import { healthRoutes, type Readiness } from './healthRoutes'
import { securityHeaders } from './securityHeaders'

export type NextRequestHandler = (req: Request, res: Response) => Promise<void>

export type AppOptions = {
  payload: Payload
  readiness: Readiness
  nextHandler: NextRequestHandler
  authRateLimit?: number
  /** The public feed's fast path, served before Next. */
  feedRouter?: Router
}

/**
 * The Express app: health first (no Payload work), the public feed, then everything else to
 * Next, which serves
 * the admin, REST, GraphQL and Payload's endpoints. No body parser runs before Next: Payload
 * reads the raw body itself.
 */
export const createApp = ({
  payload,
  readiness,
  nextHandler,
  authRateLimit,
  feedRouter,
}: AppOptions): Express => {
  const app = express()
  app.disable('x-powered-by')
  // Behind one reverse proxy in production; client addresses feed the rate limits.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal')
  app.use(securityHeaders())
  app.use(healthRoutes(payload, readiness))
  // Public reads never pay for Next's routing.
  if (feedRouter) app.use(feedRouter)
  app.use(authRateLimits(authRateLimit))
  // Express 5 no longer accepts '*' paths: a middleware catches everything that is left.
  app.use((req, res) => nextHandler(req, res))
  return app
}

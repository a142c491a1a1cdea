import express, { type Express, type Request, type Response, type Router } from 'express'
import type { Payload } from 'payload'

import { authRateLimits, forwardClientKey } from './authRateLimits'
import { watchDatabaseAvailability, type DatabaseAvailability } from './databaseAvailability'
import { failFastWithoutDatabase } from './failFastWithoutDatabase'
import { graphqlLimits } from './graphqlLimits'
import { healthRoutes, type Readiness } from './healthRoutes'
import { securityHeaders } from './securityHeaders'

export type NextRequestHandler = (req: Request, res: Response) => Promise<void>

export type AppOptions = {
  payload: Payload
  readiness: Readiness
  nextHandler: NextRequestHandler
  authRateLimit?: number
  /** Requests to Payload's `/api/graphql` per client address per minute. */
  graphqlRateLimit?: number
  /** The hub's production check and public address (the admin's content security policy). */
  production?: boolean
  serverUrl?: string
  /** The public feed's fast path, served before Next. */
  feedRouter?: Router
  /** Whether the database answers; by default watched from here on. */
  availability?: DatabaseAvailability
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
  graphqlRateLimit = 300,
  production = true,
  serverUrl,
  feedRouter,
  availability = watchDatabaseAvailability(payload),
}: AppOptions): Express => {
  const app = express()
  app.disable('x-powered-by')
  // Behind one reverse proxy in production; client addresses feed the rate limits.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal')
  app.use(securityHeaders({ production, serverUrl }))
  app.use(healthRoutes(payload, readiness, availability))
  // Without a database: 503 at once, not a request waiting for a connection.
  app.use(failFastWithoutDatabase(availability))
  // Public reads never pay for Next's routing.
  if (feedRouter) app.use(feedRouter)
  app.use(authRateLimits(authRateLimit))
  app.use(graphqlLimits(graphqlRateLimit))
  app.use(forwardClientKey)
  // Express 5 no longer accepts '*' paths: a middleware catches everything that is left.
  app.use((req, res) => nextHandler(req, res))
  return app
}

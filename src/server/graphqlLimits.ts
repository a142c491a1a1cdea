import { Router } from 'express'
import { rateLimit } from 'express-rate-limit'

/** The largest GraphQL request body Payload's endpoint reads (a query with its variables). */
export const maxGraphQLBodyBytes = 64 * 1024

/**
 * Payload's `/api/graphql` per client address: a request rate (the public feed has its own) and
 * a body ceiling checked before Next reads anything, so an oversized query never gets parsed.
 */
export const graphqlLimits = (requestsPerMinute: number): Router => {
  const router = Router()
  router.use(
    '/api/graphql',
    rateLimit({
      windowMs: 60_000,
      limit: requestsPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429).json({
          errors: [{ message: 'Too many GraphQL requests from this address; try again later.' }],
        })
      },
    }),
    (req, res, next) => {
      if (req.method !== 'POST') return next()
      const length = req.headers['content-length']
      if (length === undefined) {
        res.status(411).json({ errors: [{ message: 'A Content-Length header is required.' }] })
        return
      }
      if (Number(length) > maxGraphQLBodyBytes) {
        res.status(413).json({
          errors: [
            {
              message: `The request body is larger than ${maxGraphQLBodyBytes} bytes; use variables or split the query.`,
            },
          ],
        })
        return
      }
      next()
    },
  )
  return router
}

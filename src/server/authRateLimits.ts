import type { RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'

import { authAttemptStore, authAttemptWindowMs, clientKeyHeader } from '../security/authAttempts'

/**
 * Passes the client's rate-limit key on to Next's route handlers (the one express-rate-limit
 * uses by default: the address, an IPv6 client by its /56); a client's own value is overwritten.
 */
export const forwardClientKey: RequestHandler = (req, _res, next) => {
  req.headers[clientKeyHeader] = ipKeyGenerator(req.ip ?? 'unknown')
  next()
}

/**
 * Payload locks an account after 5 wrong passwords, but nothing stops one client from trying
 * many accounts: limit the auth endpoints per client address. Payload's GraphQL auth mutations
 * count against the same store (src/graphql/guardGraphQLRoute.ts).
 */
export const authRateLimits = (limitPerWindow = 20): RequestHandler =>
  rateLimit({
    windowMs: authAttemptWindowMs,
    limit: limitPerWindow,
    store: authAttemptStore(),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Only the endpoints that check passwords or send mails.
    skip: (req) =>
      req.method !== 'POST' ||
      !/^\/api\/users\/(login|forgot-password|reset-password|unlock)\/?$/.test(req.path),
    handler: (_req, res) => {
      res.status(429).json({
        errors: [{ message: 'Too many sign-in attempts from this address; try again later.' }],
      })
    },
  })

import type { RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'

/**
 * Payload locks an account after 5 wrong passwords, but nothing stops one client from trying
 * many accounts: limit the auth endpoints per client address.
 */
export const authRateLimits = (limitPerWindow = 20): RequestHandler =>
  rateLimit({
    windowMs: 10 * 60 * 1000,
    limit: limitPerWindow,
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

import type { RequestHandler, Response } from 'express'

import type { DatabaseAvailability } from './databaseAvailability'

/** Seconds a client should wait before trying again. */
const retryAfterSeconds = 2

const unavailableBody = {
  errors: [
    {
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database is not reachable at the moment; try again shortly.',
    },
  ],
}

/**
 * While the database is known to be down, every request that may need it gets 503 with
 * `Retry-After` at once instead of waiting for a connection (mount after the health routes).
 * A server error written while the database is down is turned into that 503 too, and any
 * other server error makes the monitor look again.
 */
export const failFastWithoutDatabase =
  (availability: DatabaseAvailability): RequestHandler =>
  (req, res, next) => {
    // Next's build assets never touch the database.
    if (req.path.startsWith('/_next/static/')) return next()
    if (!availability.up) {
      res
        .status(503)
        .set({ 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' })
        .json(unavailableBody)
      return
    }
    asServiceUnavailableWhileDown(res, availability)
    next()
  }

const asServiceUnavailableWhileDown = (res: Response, availability: DatabaseAvailability) => {
  const writeHead = res.writeHead as (
    this: Response,
    status: number,
    ...rest: unknown[]
  ) => Response
  // Node writes implicit headers through writeHead too, so this sees every status.
  res.writeHead = function (this: Response, status: number, ...rest: unknown[]) {
    if (status >= 500 && status !== 503) {
      if (!availability.up) {
        status = 503
        this.setHeader('Retry-After', String(retryAfterSeconds))
      } else {
        void availability.check()
      }
    }
    return writeHead.call(this, status, ...rest)
  } as Response['writeHead']
}

import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'

import { feedBasePath } from '../defaults'
import { corsHeaders, withCors } from './cors'
import { feedRoutes } from './feedRoutes'
import { getFeedRuntime } from './feedRuntime'
import type { FeedRequest, FeedResponse } from './types'

const errorBody = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] })

const send = (res: Response, response: FeedResponse) => {
  // writeHead, not res.send: Express would add a weak ETag of its own.
  const headers = withCors(response.headers)
  if (response.body !== null) headers['content-length'] = String(Buffer.byteLength(response.body))
  res.writeHead(response.status, headers)
  res.end(response.body ?? undefined)
}

const toFeedRequest = (req: Request): FeedRequest => ({
  // HEAD is answered as GET; Node leaves the body out.
  method: req.method === 'HEAD' ? 'GET' : req.method,
  url: new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`),
  header: (name) => req.get(name),
  body: typeof req.body === 'string' ? req.body : undefined,
})

/**
 * The feed's fast path: mounted before Next, so a public read costs no Next routing. Rate
 * limited per client address; the body is read as text (the feed parses it itself).
 */
export const feedRouter = (payload: Payload): Router => {
  const runtime = getFeedRuntime(payload)
  const { limits } = runtime.settings
  const base = `/api${feedBasePath}`
  const router = express.Router()

  router.options(`${base}/*path`, (_req, res) => {
    res.writeHead(204, corsHeaders)
    res.end()
  })
  router.use(
    base,
    rateLimit({
      windowMs: 60 * 1000,
      limit: limits.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (req, res) => {
        const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit
          ?.resetTime
        const retryAfter = Math.max(
          1,
          Math.ceil(((resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000),
        )
        send(res, {
          status: 429,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'retry-after': String(retryAfter),
            'cache-control': 'no-store',
          },
          body: errorBody(
            `Too many requests from this address: at most ${limits.rateLimitPerMinute} per minute. Retry after ${retryAfter} s.`,
            'RATE_LIMITED',
            { retryAfter },
          ),
        })
      },
    }),
  )
  // Room for variables beside the query text; the query's own limit is checked later.
  const body = express.text({ type: () => true, limit: limits.maxQueryBytes * 4 })
  for (const route of feedRoutes) {
    const handlers = [
      ...(route.method === 'post' ? [body] : []),
      async (req: Request, res: Response, next: NextFunction) => {
        try {
          send(res, await route.handle(toFeedRequest(req), runtime))
        } catch (error) {
          next(error)
        }
      },
    ]
    router[route.method](`/api${route.path}`, ...handlers)
  }
  router.all(`${base}/*path`, (req, res) => {
    const known = feedRoutes.filter((route) => `/api${route.path}` === req.path)
    if (known.length) {
      res.setHeader('allow', known.map((route) => route.method.toUpperCase()).join(', '))
    }
    send(res, {
      status: known.length ? 405 : 404,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: errorBody(
        known.length ? `${req.method} is not allowed here.` : `No feed route ${req.path}.`,
        'BAD_REQUEST',
      ),
    })
  })
  // Body and stream errors become 4xx with a code; anything else is logged and a 500.
  router.use(
    base,
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: Response,
      next: NextFunction,
    ) => {
      if (res.headersSent) return next(error)
      if (error.status === 413 || error.type === 'entity.too.large') {
        return send(res, {
          status: 413,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: errorBody(
            `The request body is larger than ${limits.maxQueryBytes * 4} bytes.`,
            'QUERY_TOO_LARGE',
          ),
        })
      }
      if (error.status && error.status >= 400 && error.status < 500) {
        return send(res, {
          status: error.status,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: errorBody(error.message, 'BAD_REQUEST'),
        })
      }
      payload.logger.error({ err: error }, 'public feed: request failed')
      send(res, {
        status: 500,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: errorBody('Internal error while reading the feed.', 'INTERNAL_SERVER_ERROR'),
      })
    },
  )
  return router
}

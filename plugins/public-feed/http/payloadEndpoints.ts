import type { Endpoint } from 'payload'

import { feedRoutes } from './feedRoutes'
import { getFeedRuntime } from './feedRuntime'
import { withCors } from './cors'

/**
 * The same routes as Payload endpoints, so that the feed answers when the app runs without
 * our Express server (e.g. `next start`). The Express fast path answers first when it runs.
 */
export const feedEndpoints: Endpoint[] = feedRoutes.map((route) => ({
  path: route.path,
  method: route.method,
  handler: async (req) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const body = route.method === 'post' && req.text ? await req.text() : undefined
    const response = await route.handle(
      {
        method: route.method.toUpperCase(),
        url,
        header: (name) => req.headers.get(name) ?? undefined,
        body,
      },
      getFeedRuntime(req.payload),
    )
    return new Response(
      response.body === null ? null : new Uint8Array(Buffer.from(response.body)),
      {
        status: response.status,
        headers: withCors(response.headers),
      },
    )
  },
}))

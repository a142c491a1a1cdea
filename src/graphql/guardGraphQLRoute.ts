import { countAuthAttempt, clientKeyHeader } from '../security/authAttempts'
import { mayRunAuthMutation } from './authMutations'
import { withoutSuggestions } from './withoutSuggestions'

type RouteHandler = (request: Request, context: never) => Promise<Response> | Response

export type GraphQLRouteGuardOptions = {
  /** The hub's production check: "Did you mean …?" hints are cut from answers. */
  production: boolean
  /** Auth attempts per client address per window, shared with the REST auth endpoints. */
  authRateLimit: number
}

const refuse = (status: number, message: string): Response =>
  Response.json({ errors: [{ message }] }, { status })

/**
 * In front of Payload's GraphQL route: a body that is not one JSON operation gets a 400 that
 * says why (Payload would answer malformed JSON with a 500 and has no batching), auth mutations
 * count against the sign-in rate limit, and production answers carry no schema hints.
 */
export const guardGraphQLRoute =
  (handler: RouteHandler, { production, authRateLimit }: GraphQLRouteGuardOptions): RouteHandler =>
  async (request, context) => {
    const type = request.headers.get('content-type') ?? ''
    if (request.method === 'POST' && type.includes('json')) {
      let body: unknown
      try {
        body = JSON.parse(await request.clone().text())
      } catch (error) {
        return refuse(400, `The request body is not valid JSON: ${(error as Error).message}`)
      }
      if (Array.isArray(body)) {
        return refuse(400, 'Batched operations are not accepted: send one operation per request.')
      }
      if (typeof body !== 'object' || body === null) {
        return refuse(400, 'The request body must be a JSON object with a "query".')
      }
      const key = request.headers.get(clientKeyHeader)
      if (
        key &&
        mayRunAuthMutation((body as { query?: unknown }).query) &&
        (await countAuthAttempt(key, authRateLimit))
      ) {
        return refuse(429, 'Too many sign-in attempts from this address; try again later.')
      }
    }
    const response = await handler(request, context)
    return production ? withoutSuggestions(response) : response
  }

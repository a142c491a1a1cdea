type RouteHandler = (request: Request, context: never) => Promise<Response> | Response

/**
 * Payload's REST writes take a JSON object; `null`, a number, a string or an array would reach
 * its operations and end in a 500. They get a 400 that says what is expected; malformed JSON
 * and everything else are Payload's to answer.
 */
export const requireObjectBody =
  (handler: RouteHandler): RouteHandler =>
  async (request, context) => {
    if ((request.headers.get('content-type') ?? '').includes('json')) {
      const text = await request.clone().text()
      let body: unknown = {}
      try {
        if (text.trim()) body = JSON.parse(text)
      } catch {
        // Payload answers malformed JSON itself (400).
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return Response.json(
          { errors: [{ message: 'The request body must be a JSON object.' }] },
          { status: 400 },
        )
      }
    }
    return handler(request, context)
  }

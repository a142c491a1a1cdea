type RouteHandler = (request: Request, context: never) => Promise<Response> | Response

/**
 * Payload's GraphQL route answers a body that is not JSON with a 500; a client error deserves
 * a 400 that says what is wrong (GraphQL over HTTP). Everything else goes to `handler`.
 */
export const rejectMalformedJson =
  (handler: RouteHandler): RouteHandler =>
  async (request, context) => {
    const type = request.headers.get('content-type') ?? ''
    if (type.includes('json')) {
      const body = await request.clone().text()
      try {
        JSON.parse(body)
      } catch (error) {
        return Response.json(
          {
            errors: [
              { message: `The request body is not valid JSON: ${(error as Error).message}` },
            ],
          },
          { status: 400 },
        )
      }
    }
    return handler(request, context)
  }

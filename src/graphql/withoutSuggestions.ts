const suggestion = /\s*Did you mean .*\?$/

/**
 * graphql-js adds "Did you mean …?" to validation errors, naming fields and types that exist:
 * introspection by guessing. Production answers keep the error and drop the hint.
 */
export const withoutSuggestions = async (response: Response): Promise<Response> => {
  if (!response.headers.get('content-type')?.includes('json')) return response
  const text = await response.text()
  let body = text
  if (text.includes('Did you mean')) {
    const parsed = JSON.parse(text) as { errors?: { message?: string }[] }
    for (const error of parsed.errors ?? []) {
      if (typeof error.message === 'string') error.message = error.message.replace(suggestion, '')
    }
    body = JSON.stringify(parsed)
  }
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(body, { headers, status: response.status, statusText: response.statusText })
}

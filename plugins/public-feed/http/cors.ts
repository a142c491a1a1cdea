/**
 * The feed is public and uses no cookies: any site's browser may read it. Credentials are
 * never allowed, so a visitor's session cannot ride along.
 */
export const corsHeaders: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Accept, If-None-Match',
  'access-control-expose-headers': 'ETag, Retry-After, RateLimit, RateLimit-Policy',
  'access-control-max-age': '86400',
}

export const withCors = (headers: Record<string, string>): Record<string, string> => ({
  ...headers,
  ...corsHeaders,
})

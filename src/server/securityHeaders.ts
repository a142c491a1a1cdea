import helmet from 'helmet'

export type SecurityHeaderOptions = {
  /** Development adds what Next's hot reloading needs (eval, websockets). */
  production: boolean
  /** An https address turns on `upgrade-insecure-requests`. */
  serverUrl?: string
}

/**
 * Helmet's headers on every response, the admin's included. The content security policy is
 * one the admin works with: Next inlines its bootstrap scripts and styles (hence
 * 'unsafe-inline'; nonces would make every page dynamic), uploads preview as blob: URLs,
 * Lexical and Payload's UI use data: images and fonts. No other origin, no plugins, no
 * framing by other sites, forms post only here.
 */
export const securityHeaders = ({ production, serverUrl }: SecurityHeaderOptions) =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", "'unsafe-inline'", ...(production ? [] : ["'unsafe-eval'"])],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'", ...(production ? [] : ['ws:', 'wss:'])],
        'media-src': ["'self'", 'blob:'],
        'worker-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        ...(serverUrl?.startsWith('https://') ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    // Public frontends on other origins load media from the hub.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  })

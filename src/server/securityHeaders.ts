import helmet from 'helmet'

/**
 * Helmet's defaults minus the content security policy, which Next's admin (inline scripts and
 * styles) would need nonces for; the admin sets its own frame and referrer rules through these.
 */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    // Public frontends on other origins load media from the hub.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  })

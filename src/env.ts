import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'

/** Thrown when the environment cannot start the hub; the message says what to change. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigurationError'
  }
}

export const projectRoot = path.resolve(process.env.ITNET_ROOT ?? process.cwd())

/** Typed view of the environment; every variable is explained in `.env.example`. */
export type HubEnv = {
  databaseUri: string | undefined
  /** `DATABASE_URI` unset: the zero-setup SQLite demo with its demo accounts. */
  embeddedDefault: boolean
  production: boolean
  port: number
  host: string
  serverUrl: string | undefined
  csrfOrigins: string[]
  seed: boolean
  seedDemo: boolean
  demoPassword: string
  mediaDir: string
  /** Sign-in and password-reset requests per client address per 10 minutes. */
  authRateLimit: number
  /** Requests to Payload's `/api/graphql` per client address per minute. */
  graphqlRateLimit: number
  /** How often the server runs its jobs queue (scheduled publications, mails); cron syntax. */
  jobsCron: string
  /** Whether this process runs the jobs queue (one node of several does). */
  jobsAutorun: boolean
  /** The public feed (`/api/feed/*`); see `.env.example`. */
  feed: {
    rateLimitPerMinute: number
    maxAge: number
    staleWhileRevalidate: number
    responseCache: boolean
    maxCost: number
    /** Serve the feed from Express before Next (off: only through Payload's endpoints). */
    fastPath: boolean
    /** The public website whose pages the syndication feeds link to. */
    siteUrl: string | undefined
  }
  /** Outgoing mail (workflow notifications, password resets); unset host: logged, not sent. */
  smtp: {
    host: string | undefined
    port: number
    secure: boolean
    user: string | undefined
    password: string | undefined
    from: string
    fromName: string
  }
}

const flag = (value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined || value === '') return fallback
  if (/^(1|true|yes|on)$/i.test(value)) return true
  if (/^(0|false|no|off)$/i.test(value)) return false
  throw new ConfigurationError(`Expected true or false, got "${value}"`)
}

const positiveInteger = (
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  minimum = 1,
): number => {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < minimum) {
    throw new ConfigurationError(
      `${name} must be a whole number of at least ${minimum}, got "${raw}"`,
    )
  }
  return value
}

export const readEnv = (env: NodeJS.ProcessEnv = process.env): HubEnv => {
  const databaseUri = env.DATABASE_URI?.trim() || undefined
  const embeddedDefault = databaseUri === undefined
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigurationError(`PORT must be a port number, got "${env.PORT}"`)
  }
  const serverUrl = env.SERVER_URL?.trim().replace(/\/$/, '') || undefined
  const csrfOrigins = (env.CSRF_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  // Without a public address the hub is on this machine: its own origins are the allowed ones.
  const ownOrigins = serverUrl
    ? [serverUrl]
    : [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
  return {
    feed: {
      rateLimitPerMinute: positiveInteger(env, 'FEED_RATE_LIMIT', 600),
      maxAge: positiveInteger(env, 'FEED_CACHE_MAX_AGE', 60, 0),
      staleWhileRevalidate: positiveInteger(env, 'FEED_CACHE_STALE_WHILE_REVALIDATE', 300, 0),
      responseCache: flag(env.FEED_RESPONSE_CACHE, true),
      maxCost: positiveInteger(env, 'FEED_MAX_COST', 5000),
      fastPath: flag(env.FEED_FAST_PATH, true),
      siteUrl: env.FEED_SITE_URL?.trim().replace(/\/$/, '') || undefined,
    },
    databaseUri,
    embeddedDefault,
    production: env.NODE_ENV === 'production',
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    serverUrl,
    csrfOrigins: [...ownOrigins, ...csrfOrigins],
    seed: flag(env.SEED, true),
    seedDemo: embeddedDefault || flag(env.SEED_DEMO, false),
    demoPassword: env.DEMO_PASSWORD || 'itnet-demo-2023',
    mediaDir: path.resolve(projectRoot, env.MEDIA_DIR || 'data/media'),
    authRateLimit: positiveInteger(env, 'AUTH_RATE_LIMIT', 20),
    graphqlRateLimit: positiveInteger(env, 'GRAPHQL_RATE_LIMIT', 300),
    jobsCron: env.JOBS_AUTORUN_CRON?.trim() || '* * * * *',
    jobsAutorun: flag(env.JOBS_AUTORUN, true),
    smtp: {
      host: env.SMTP_HOST?.trim() || undefined,
      port: Number(env.SMTP_PORT ?? 587),
      secure: flag(env.SMTP_SECURE, false),
      user: env.SMTP_USER || undefined,
      password: env.SMTP_PASSWORD || undefined,
      from: env.EMAIL_FROM || 'hub@itnet.example',
      fromName: env.EMAIL_FROM_NAME || 'ITnet Thüringen Hub',
    },
  }
}

/**
 * The secret signs sessions and encrypts API keys. Production needs `PAYLOAD_SECRET`; the
 * embedded demo and development keep a random one in `data/` so logins survive restarts.
 */
export const resolveSecret = (hubEnv: HubEnv, env: NodeJS.ProcessEnv = process.env): string => {
  const configured = env.PAYLOAD_SECRET?.trim()
  if (configured) return configured
  if (hubEnv.production && !hubEnv.embeddedDefault) {
    throw new ConfigurationError(
      'PAYLOAD_SECRET is not set. In production the hub refuses to start without it ' +
        '(generate one with `openssl rand -hex 32`).',
    )
  }
  const file = path.join(projectRoot, 'data', '.payload-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const secret = crypto.randomBytes(32).toString('hex')
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

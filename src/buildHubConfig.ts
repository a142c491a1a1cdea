import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig, type Plugin, type SanitizedConfig } from 'payload'
import sharp from 'sharp'

import { collections } from '../collections'
import { hubPlugins } from '../plugins'
import { createDatabaseAdapter } from './database/createDatabaseAdapter'
import { parseDatabaseUri } from './database/parseDatabaseUri'
import { eventTimezone } from '../collections/Events/eventTypes'
import { type HubEnv, resolveSecret } from './env'
import { clonePlain } from './utilities/clonePlain'
import { hardenInternalCollections } from './access/hardenInternalCollections'
import { smtpEmailAdapter } from './email/smtpEmailAdapter'
import { isAdminUser } from './access/roles'
import { payloadGraphQLLimits, payloadGraphQLRules } from './graphql/payloadGraphQLRules'
import { refuseDestructiveProductionSettings } from './security/productionGuards'
import { answerClientErrors } from './security/clientErrors'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export type HubConfigOptions = {
  env: HubEnv
  /** Overrides `PAYLOAD_SECRET` (tests). */
  secret?: string
  /** Extra plugins after the hub's own (plugin test configs). */
  plugins?: Plugin[]
  /** `false` turns off the development schema push (tests apply the migrations instead). */
  databasePush?: boolean
}

/** The hub's Payload config for one environment; `payload.config.ts` builds it from `process.env`. */
export const buildHubConfig = ({
  env,
  secret,
  plugins = [],
  databasePush,
}: HubConfigOptions): Promise<SanitizedConfig> => {
  refuseDestructiveProductionSettings(env)
  return buildConfig({
    admin: {
      user: 'users',
      // The admin would otherwise ask gravatar.com for every avatar.
      avatar: 'default',
      importMap: { baseDir: dirname },
      meta: { titleSuffix: ' – ITnet Thüringen' },
      timezones: {
        defaultTimezone: eventTimezone,
        supportedTimezones: [{ label: 'Europe/Berlin', value: eventTimezone }],
      },
    },
    collections: collections.map(clonePlain),
    editor: lexicalEditor(),
    localization: {
      locales: [
        { code: 'de', label: 'Deutsch' },
        { code: 'en', label: 'English', fallbackLocale: 'de' },
      ],
      defaultLocale: 'de',
      fallback: true,
    },
    i18n: { supportedLanguages: { de, en }, fallbackLanguage: 'de' },
    secret: secret ?? resolveSecret(env),
    ...(env.serverUrl ? { serverURL: env.serverUrl } : {}),
    // With no origins listed Payload accepts the session cookie from any site: list them.
    csrf: env.csrfOrigins,
    cors: env.csrfOrigins,
    db: createDatabaseAdapter(
      parseDatabaseUri(env.databaseUri, { development: process.env.NODE_ENV === 'development' }),
      // Production applies the committed migrations only, whatever a caller asks for.
      { push: env.production ? false : databasePush },
    ),
    graphQL: {
      validationRules: payloadGraphQLRules(env.production),
      maxComplexity: payloadGraphQLLimits.maxComplexity,
      // Introspection follows the hub's production check (the rules above), not NODE_ENV alone.
      disableIntrospectionInProduction: false,
      disablePlaygroundInProduction: true,
    },
    ...(env.smtp.host ? { email: smtpEmailAdapter(env) } : {}),
    sharp,
    telemetry: false,
    // LOG_LEVEL switches to JSON logs at that level; unset keeps Payload's readable default.
    ...(process.env.LOG_LEVEL ? { logger: { options: { level: process.env.LOG_LEVEL } } } : {}),
    upload: {
      limits: { fileSize: 10 * 1024 * 1024 },
      abortOnLimit: true,
    },
    // Only admins (and the server's own runner) run, queue or cancel jobs over the API.
    jobs: {
      access: {
        run: ({ req }) => isAdminUser(req.user),
        queue: ({ req }) => isAdminUser(req.user),
        cancel: ({ req }) => isAdminUser(req.user),
      },
    },
    hooks: { afterError: [answerClientErrors] },
    typescript: {
      outputFile: path.resolve(dirname, 'payload-types.ts'),
      // Types are generated on purpose (`npm run generate:types`), never as a side effect of a start.
      autoGenerate: false,
    },
    plugins: [...hubPlugins(env), ...plugins],
  }).then(hardenInternalCollections)
}

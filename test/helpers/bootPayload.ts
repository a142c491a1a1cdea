import crypto from 'node:crypto'

import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { buildHubConfig } from '../../src/buildHubConfig'
import { closeDatabase } from '../../src/database/closeDatabase'
import { committedMigrations } from '../../src/database/createDatabaseAdapter'
import { readEnv, type HubEnv } from '../../src/env'
import type { TestDatabaseKind } from './testDatabases'

export type BootedPayload = {
  payload: Payload
  databaseUri: string
  shutdown: () => Promise<void>
}

type ConfigFor = (env: HubEnv, secret: string) => Promise<SanitizedConfig>

/**
 * Boots a Payload config against a fresh database of the given kind under a cache key of its
 * own; `shutdown` closes and drops it. `migrate` applies the hub's committed migrations (the
 * hub's own config); otherwise the schema is pushed (plugin test configs). `cron` starts the
 * jobs runner as the server does.
 */
export const bootConfig = async (
  kind: TestDatabaseKind,
  configFor: ConfigFor,
  { migrate, cron = false }: { migrate: boolean; cron?: boolean },
): Promise<BootedPayload> => {
  const database = await kind.create()
  const env = readEnv({ ...process.env, DATABASE_URI: database.uri, NODE_ENV: 'test' })
  const payload = await getPayload({
    config: configFor(env, crypto.randomBytes(16).toString('hex')),
    key: `test-${kind.name}-${crypto.randomUUID()}`,
    cron,
  })
  if (migrate && (kind.name === 'sqlite' || kind.name === 'postgres')) {
    // The committed files type their arguments more narrowly than Payload's `Migration`.
    await payload.db.migrate({ migrations: committedMigrations[kind.name] as never })
  }
  return {
    payload,
    databaseUri: database.uri,
    shutdown: async () => {
      if (payload.db.name === 'mongoose') {
        await (
          payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }
        ).connection.dropDatabase()
      }
      await closeDatabase(payload)
      await database.drop()
    },
  }
}

/**
 * The hub's real config on a fresh database; SQL schemas come from the committed migrations,
 * as in production, so a schema change without its migration fails the tests. Nothing seeded.
 */
export const bootPayload = (kind: TestDatabaseKind): Promise<BootedPayload> =>
  bootConfig(kind, (env, secret) => buildHubConfig({ env, secret, databasePush: false }), {
    migrate: true,
  })

import crypto from 'node:crypto'

import { getPayload, type Payload } from 'payload'

import { buildHubConfig } from '../../src/buildHubConfig'
import { closeDatabase } from '../../src/database/closeDatabase'
import { committedMigrations } from '../../src/database/createDatabaseAdapter'
import { readEnv } from '../../src/env'
import type { TestDatabaseKind } from './testDatabases'

export type BootedPayload = {
  payload: Payload
  databaseUri: string
  shutdown: () => Promise<void>
}

/**
 * Boots the hub's real Payload config against a fresh database of the given kind under a
 * cache key of its own. SQL schemas come from the committed migrations, as in production, so
 * a schema change without its migration fails the tests. Nothing is seeded; `shutdown`
 * closes and drops the database.
 */
export const bootPayload = async (kind: TestDatabaseKind): Promise<BootedPayload> => {
  const database = await kind.create()
  const env = readEnv({ ...process.env, DATABASE_URI: database.uri, NODE_ENV: 'test' })
  const payload = await getPayload({
    config: buildHubConfig({
      env,
      secret: crypto.randomBytes(16).toString('hex'),
      databasePush: false,
    }),
    key: `test-${kind.name}-${crypto.randomUUID()}`,
  })
  if (kind.name === 'sqlite' || kind.name === 'postgres') {
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

import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { projectRoot } from '../env'
import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { markPostgresConnectClient } from './markPostgresConnectClient'
import { serializeSqliteTransactions } from './serializeSqliteTransactions'
import type { DatabaseTarget } from './parseDatabaseUri'

const sqliteBusyTimeoutMs = 5000

const migrationsRoot = path.join(projectRoot, 'src', 'migrations')

/** The committed migrations of an SQL dialect (MongoDB needs none). */
export const committedMigrations = { sqlite: sqliteMigrations, postgres: postgresMigrations }

/**
 * SQL adapters push the schema in development; in production (and in the tests, with
 * `push: false`) they apply the committed migrations of their dialect instead.
 */
export const createDatabaseAdapter = (
  target: DatabaseTarget,
  { push }: { push?: boolean } = {},
): DatabaseAdapterObj => {
  switch (target.kind) {
    case 'sqlite':
      fs.mkdirSync(path.dirname(target.file), { recursive: true })
      return serializeSqliteTransactions(
        sqliteAdapter({
          client: { url: target.url },
          // WAL lets readers run beside the writer; the busy timeout queues writers instead of failing.
          wal: true,
          busyTimeout: sqliteBusyTimeoutMs,
          // SQLite transactions are off unless given options.
          transactionOptions: {},
          push,
          migrationDir: path.join(migrationsRoot, 'sqlite'),
          prodMigrations: sqliteMigrations,
        }),
        sqliteBusyTimeoutMs,
      )
    case 'postgres':
      return markPostgresConnectClient(
        postgresAdapter({
          pool: {
            connectionString: target.url,
            // Never wait forever for a connection: a request fails (503) instead of hanging.
            connectionTimeoutMillis: 5000,
            keepAlive: true,
          },
          push,
          migrationDir: path.join(migrationsRoot, 'postgres'),
          prodMigrations: postgresMigrations,
        }),
      )
    case 'mongodb':
      // The adapter turns transactions off by itself when the server is not a replica set.
      return mongooseAdapter({ url: target.url })
  }
}

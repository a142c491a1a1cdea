import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { projectRoot } from '../env'
import { migrations as postgresMigrations } from '../migrations/postgres'
import { migrations as sqliteMigrations } from '../migrations/sqlite'
import type { DatabaseTarget } from './parseDatabaseUri'

const migrationsRoot = path.join(projectRoot, 'src', 'migrations')

/**
 * SQL adapters push the schema in development and tests; in production they apply the
 * committed migrations of their dialect on start (never a push).
 */
export const createDatabaseAdapter = (target: DatabaseTarget): DatabaseAdapterObj => {
  switch (target.kind) {
    case 'sqlite':
      fs.mkdirSync(path.dirname(target.file), { recursive: true })
      return sqliteAdapter({
        client: { url: target.url },
        // WAL lets readers run beside the writer; the busy timeout queues writers instead of failing.
        wal: true,
        busyTimeout: 5000,
        // SQLite transactions are off unless given options.
        transactionOptions: {},
        migrationDir: path.join(migrationsRoot, 'sqlite'),
        prodMigrations: sqliteMigrations,
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: target.url },
        migrationDir: path.join(migrationsRoot, 'postgres'),
        prodMigrations: postgresMigrations,
      })
    case 'mongodb':
      // The adapter turns transactions off by itself when the server is not a replica set.
      return mongooseAdapter({ url: target.url })
  }
}

import fs from 'node:fs'
import path from 'node:path'

import { parseDatabaseUri, type DatabaseTarget } from '../../src/database/parseDatabaseUri'
import { projectRoot, readEnv } from '../../src/env'
import { UsageError } from './manifest'

export type BackupTarget = {
  database: Extract<DatabaseTarget, { kind: 'sqlite' | 'postgres' }>
  mediaDir: string
  /** PAYLOAD_SECRET, or the secret file the embedded demo and development keep in data/. */
  secret: string | undefined
  secretSource: string
}

/**
 * The database and media folder the hub itself would use, read from the same variables
 * (DATABASE_URI, MEDIA_DIR): `npm run dev` sets NODE_ENV=development and so gets its own file.
 */
export const backupTarget = (env: NodeJS.ProcessEnv = process.env): BackupTarget => {
  const hubEnv = readEnv(env)
  const database = parseDatabaseUri(hubEnv.databaseUri, {
    development: env.NODE_ENV === 'development',
  })
  if (database.kind === 'mongodb') {
    throw new UsageError('MongoDB is not covered by this backup: use mongodump/mongorestore')
  }
  const secretFile = path.join(projectRoot, 'data', '.payload-secret')
  const configured = env.PAYLOAD_SECRET?.trim()
  const fromFile =
    !configured && fs.existsSync(secretFile)
      ? fs.readFileSync(secretFile, 'utf8').trim()
      : undefined
  return {
    database,
    mediaDir: hubEnv.mediaDir,
    secret: configured || fromFile,
    secretSource: configured ? 'PAYLOAD_SECRET' : fromFile ? secretFile : 'none',
  }
}

/** Where a backup or restore says what it did. */
export const describeDatabase = (database: BackupTarget['database']): string =>
  database.kind === 'sqlite'
    ? `SQLite ${database.file}`
    : `PostgreSQL ${new URL(database.url).host}${new URL(database.url).pathname}`

import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

export type TestDatabase = {
  /** Where the run's own database lives; dropped again by `drop`. */
  uri: string
  drop: () => Promise<void>
}

export type TestDatabaseKind = {
  name: 'sqlite' | 'postgres' | 'mongodb'
  create: () => Promise<TestDatabase>
}

const uniqueName = () => `itnet_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`

export const sqlite: TestDatabaseKind = {
  name: 'sqlite',
  create: async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itnet-sqlite-'))
    return {
      uri: `file:${path.join(dir, 'hub.db')}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  },
}

/** A fresh database beside the one TEST_POSTGRES_URI names, dropped after the suite. */
const postgres = (serverUri: string): TestDatabaseKind => ({
  name: 'postgres',
  create: async () => {
    const name = uniqueName()
    const admin = new pg.Client({ connectionString: serverUri })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    const url = new URL(serverUri)
    url.pathname = `/${name}`
    return {
      uri: url.toString(),
      drop: async () => {
        const client = new pg.Client({ connectionString: serverUri })
        await client.connect()
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        await client.end()
      },
    }
  },
})

/** A database of its own on the server TEST_MONGODB_URI names; the boot helper drops it. */
const mongodb = (serverUri: string): TestDatabaseKind => ({
  name: 'mongodb',
  create: async () => {
    const url = new URL(serverUri)
    url.pathname = `/${uniqueName()}`
    return { uri: url.toString(), drop: async () => undefined }
  },
})

/**
 * SQLite always; PostgreSQL and MongoDB where TEST_POSTGRES_URI / TEST_MONGODB_URI name a
 * server. Each skipped one is announced, never faked.
 */
export const testDatabaseKinds = (): TestDatabaseKind[] => {
  const kinds: TestDatabaseKind[] = [sqlite]
  const postgresUri = process.env.TEST_POSTGRES_URI
  const mongoUri = process.env.TEST_MONGODB_URI
  if (postgresUri) kinds.push(postgres(postgresUri))
  else
    announceSkip('PostgreSQL', 'TEST_POSTGRES_URI (e.g. postgres://postgres@127.0.0.1:5432/test)')
  if (mongoUri) kinds.push(mongodb(mongoUri))
  else announceSkip('MongoDB', 'TEST_MONGODB_URI (a MongoDB server; none ships with Debian or npm)')
  return kinds
}

const announced = new Set<string>()
const announceSkip = (database: string, variable: string) => {
  if (announced.has(database)) return
  announced.add(database)
  process.stdout.write(
    `SKIP: the ${database} run of this suite is skipped: set ${variable} to run it.\n`,
  )
}

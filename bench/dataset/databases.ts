import { createRequire } from 'node:module'
import path from 'node:path'

import type Pg from 'pg'

import { tmpDir } from '../paths'

export type BenchDb = 'sqlite' | 'postgres'

export const postgresUri =
  process.env.BENCH_POSTGRES_URI?.trim() || 'postgres://postgres@127.0.0.1:5432/test'

// The `pg` that Payload's adapter uses (it keeps its own copy): the raw variant and the query
// counter must use that very driver.
const adapterRequire = createRequire(
  createRequire(import.meta.url).resolve('@payloadcms/db-postgres'),
)
export const pg = adapterRequire('pg') as typeof Pg
export const pgModulePath = adapterRequire.resolve('pg')

export const databaseUri = {
  pgName: (name: string) => `itnet_bench_${name}`,
  /** The `DATABASE_URI` of a bench dataset. */
  of: (db: BenchDb, name: string): string => {
    if (db === 'sqlite') return `file:${path.join(tmpDir, 'datasets', `${name}.db`)}`
    const url = new URL(postgresUri)
    url.pathname = `/${databaseUri.pgName(name)}`
    return url.toString()
  },
}

/** A statement on the server's maintenance connection (`BENCH_POSTGRES_URI`). */
export const adminQuery = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
  const client = new pg.Client({ connectionString: postgresUri })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}

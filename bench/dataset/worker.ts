// A child process holding one Payload instance on one database: it bulk-loads datasets and
// runs the in-process `local_api` variant. Commands arrive over IPC (see `WorkerCommand`).
import { getTableColumns, getTableName, sql } from 'drizzle-orm'
import { getPayload, type Payload } from 'payload'

import { buildHubConfig } from '../../src/buildHubConfig'
import { closeDatabase } from '../../src/database/closeDatabase'
import { readEnv } from '../../src/env'
import { percentile } from '../report/stats'
import { localApiFind } from '../drive/queries'
import {
  event,
  member,
  partner,
  project,
  story,
  type DatasetSpec,
  type ProjectDoc,
} from './generate'
import { eventRows, memberRows, partnerRows, projectRows, storyRows, type Rows } from './rows'

export type WorkerCommand =
  | { cmd: 'load'; spec: DatasetSpec; seed: number }
  | { cmd: 'counts' }
  | { cmd: 'localApi'; durationMs: number; concurrency: number; limit: number }
  | { cmd: 'newest'; limit: number }
  | { cmd: 'exit' }

export type LocalApiResult = {
  ops: number
  rps: number
  p50_ms: number
  p99_ms: number
  errors: number
}

type Drizzle = {
  execute?: (query: unknown) => Promise<unknown>
  run?: (query: unknown) => Promise<unknown>
}
type Column = { name: string; mapToDriverValue: (value: unknown) => unknown }
type SqlAdapter = {
  drizzle: Drizzle
  tables: Record<string, object>
  /** SQLite: the libSQL client. */
  client?: {
    batch: (statements: { sql: string; args: unknown[] }[], mode: string) => Promise<unknown>
    execute: (sql: string) => Promise<unknown>
  }
  /** PostgreSQL: the pg pool. */
  pool?: {
    connect: () => Promise<{
      query: (text: string, values?: unknown[]) => Promise<unknown>
      release: () => void
    }>
  }
}

const batchSize = 500

/**
 * Multi-row INSERTs straight through the driver, with the columns and value conversions of
 * Payload's own drizzle tables (drizzle's query builder cost more than the database here).
 */
const insertStatements = (payload: Payload, rows: Rows) => {
  const { tables } = payload.db as unknown as SqlAdapter
  const postgres = payload.db.name === 'postgres'
  // SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535.
  const maxParams = postgres ? 60000 : 30000
  const statements: { sql: string; args: unknown[] }[] = []
  for (const [name, list] of Object.entries(rows)) {
    const table = tables[name]
    if (!table) throw new Error(`No table ${name} in Payload's schema`)
    const columns = getTableColumns(table as never) as unknown as Record<string, Column>
    const keys = Object.keys(list[0])
    const used = keys.map((key) => {
      if (!columns[key]) throw new Error(`No column ${key} in ${name}`)
      return columns[key]
    })
    const head = `INSERT INTO "${getTableName(table as never)}" (${used.map((column) => `"${column.name}"`).join(', ')}) VALUES `
    const per = Math.max(1, Math.floor(maxParams / keys.length))
    for (let index = 0; index < list.length; index += per) {
      const chunk = list.slice(index, index + per)
      const args: unknown[] = []
      const tuples = chunk.map((row) => {
        const marks = keys.map((key, position) => {
          const value = row[key]
          args.push(
            value === null || value === undefined ? null : used[position].mapToDriverValue(value),
          )
          return postgres ? `$${args.length}` : '?'
        })
        return `(${marks.join(', ')})`
      })
      statements.push({ sql: head + tuples.join(', '), args })
    }
  }
  return statements
}

/** One batch in one transaction. */
const write = async (payload: Payload, rows: Rows) => {
  const adapter = payload.db as unknown as SqlAdapter
  const statements = insertStatements(payload, rows)
  if (adapter.client) return adapter.client.batch(statements, 'write')
  const client = await adapter.pool!.connect()
  try {
    await client.query('BEGIN')
    for (const statement of statements) await client.query(statement.sql, statement.args)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}

/**
 * Generates and inserts documents `from`…`to` in batches, one transaction each. The next batch
 * is generated while the database still writes the last one.
 */
const loadMany = async (
  payload: Payload,
  from: number,
  to: number,
  toRows: (rows: Rows, id: number) => void,
) => {
  let writing: Promise<unknown> = Promise.resolve()
  for (let start = from; start <= to; start += batchSize) {
    const rows: Rows = {}
    for (let id = start; id <= Math.min(to, start + batchSize - 1); id++) toRows(rows, id)
    await writing
    writing = write(payload, rows)
  }
  await writing
}

const load = async (payload: Payload, { spec, seed }: Extract<WorkerCommand, { cmd: 'load' }>) => {
  const started = Date.now()
  const sqlite = (payload.db as unknown as SqlAdapter).client
  if (sqlite) {
    // A bench dataset can be rebuilt: no fsync per batch, and room for the indexes' pages.
    await sqlite.execute('PRAGMA synchronous = OFF')
    await sqlite.execute('PRAGMA cache_size = -262144')
  }
  await loadMany(payload, 1, spec.partners, (rows, id) => partnerRows(rows, partner(seed, id)))
  await loadMany(payload, 1, spec.members, (rows, id) => memberRows(rows, member(seed, id)))
  // Stories name a project's participants: keep the projects' participants, not their bodies.
  const participants = new Map<number, ProjectDoc>()
  await loadMany(payload, 1, spec.projects, (rows, id) => {
    const doc = project(seed, id, spec)
    if (spec.stories) participants.set(id, { ...doc, body: { de: {}, en: {} } })
    projectRows(rows, doc)
  })
  await loadMany(payload, 1, spec.events, (rows, id) => eventRows(rows, event(seed, id, spec)))
  await loadMany(payload, 1, spec.stories, (rows, id) =>
    storyRows(
      rows,
      story(seed, id, spec, (projectId) => participants.get(projectId)!),
    ),
  )
  if (payload.db.name === 'postgres') {
    // Explicit ids leave the serial sequences behind: move them past the loaded rows.
    const { drizzle } = payload.db as unknown as SqlAdapter
    for (const table of ['partners', 'members', 'projects', 'events', 'stories']) {
      await drizzle.execute!(
        sql.raw(
          `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT max(id) FROM "${table}"), 1))`,
        ),
      )
    }
    // Autovacuum would analyze the new rows soon after; do it now, so every run plans alike.
    await drizzle.execute!(sql.raw('ANALYZE'))
  } else {
    // No ANALYZE: the hub analyzes a database without statistics when it starts
    // (src/database/optimizeSqlite.ts); the bench leaves that to it, as in production.
    const { drizzle } = payload.db as unknown as SqlAdapter
    await drizzle.run!(sql.raw('PRAGMA wal_checkpoint(TRUNCATE)'))
  }
  return { ms: Date.now() - started }
}

/** Documents per collection, after reading one of each whole through the Local API. */
const counts = async (payload: Payload) => {
  const result: Record<string, { total: number; published: number }> = {}
  for (const collection of ['projects', 'members', 'partners', 'events', 'stories'] as const) {
    // A full read (every field, both locales, depth 1) fails loudly if a loaded row is off.
    const { docs } = await payload.find({ collection, limit: 1, depth: 1, locale: 'all' })
    const doc = docs[0] as unknown as Record<string, unknown> | undefined
    if (doc && (typeof doc.slug !== 'string' || !doc.createdAt)) {
      throw new Error(`${collection}: a loaded document reads back incomplete`)
    }
    const total = (await payload.count({ collection, overrideAccess: true })).totalDocs
    const published =
      collection === 'partners'
        ? total
        : (await payload.count({ collection, where: { _status: { equals: 'published' } } }))
            .totalDocs
    result[collection] = { total, published }
  }
  return result
}

/** `payload.find` in `concurrency` loops for `durationMs`: operations per second and latency. */
const localApi = async (
  payload: Payload,
  { durationMs, concurrency, limit }: { durationMs: number; concurrency: number; limit: number },
): Promise<LocalApiResult> => {
  const times: number[] = []
  let errors = 0
  const started = performance.now()
  const deadline = started + durationMs
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now()
        try {
          await localApiFind(payload, limit)
          times.push(performance.now() - begin)
        } catch {
          errors += 1
        }
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  times.sort((a, b) => a - b)
  return {
    ops: times.length,
    rps: times.length / elapsed,
    p50_ms: percentile(times, 50),
    p99_ms: percentile(times, 99),
    errors,
  }
}

const main = async () => {
  const payload = await getPayload({ config: buildHubConfig({ env: readEnv() }) })
  const reply = (message: unknown) => process.send!(message)
  process.on('message', async (message: WorkerCommand) => {
    try {
      switch (message.cmd) {
        case 'load':
          return reply({ ok: await load(payload, message) })
        case 'counts':
          return reply({ ok: await counts(payload) })
        case 'localApi':
          return reply({ ok: await localApi(payload, message) })
        case 'newest': {
          const found = await localApiFind(payload, message.limit)
          return reply({ ok: found.docs })
        }
        case 'exit':
          await closeDatabase(payload)
          reply({ ok: true })
          return process.exit(0)
      }
    } catch (error) {
      reply({ error: (error as Error).stack ?? String(error) })
    }
  })
  // The runner is gone (crashed or interrupted): so is this worker.
  process.on('disconnect', () => process.exit(1))
  reply({ ready: true })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

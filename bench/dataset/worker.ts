// A child process holding one Payload instance on one database: it bulk-loads datasets and
// runs the in-process `local_api` variant. Commands arrive over IPC (see `WorkerCommand`).
import { getTableColumns, sql } from 'drizzle-orm'
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
import {
  eventRows,
  memberRows,
  partnerRows,
  projectRows,
  storyRows,
  type Rows,
} from './rows'

export type WorkerCommand =
  | { cmd: 'load'; spec: DatasetSpec; seed: number; fromProjects?: number }
  | { cmd: 'counts' }
  | { cmd: 'localApi'; durationMs: number; concurrency: number; limit: number }
  | { cmd: 'newest'; limit: number }
  | { cmd: 'exit' }

export type LocalApiResult = { ops: number; rps: number; p50_ms: number; p99_ms: number; errors: number }

type Drizzle = {
  insert: (table: unknown) => { values: (rows: unknown[]) => Promise<unknown> }
  execute?: (query: unknown) => Promise<unknown>
  run?: (query: unknown) => Promise<unknown>
  transaction: <T>(fn: (tx: Drizzle) => Promise<T>) => Promise<T>
}
type SqlAdapter = { drizzle: Drizzle; tables: Record<string, object> }

const batchSize = 500

const insertRows = async (payload: Payload, drizzle: Drizzle, rows: Rows) => {
  const { tables } = payload.db as unknown as SqlAdapter
  // SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535.
  const maxParams = payload.db.name === 'sqlite' ? 30000 : 60000
  for (const [name, list] of Object.entries(rows)) {
    const table = tables[name]
    if (!table) throw new Error(`No table ${name} in Payload's schema`)
    const per = Math.max(1, Math.floor(maxParams / Object.keys(getTableColumns(table as never)).length))
    for (let index = 0; index < list.length; index += per) {
      await drizzle.insert(table).values(list.slice(index, index + per))
    }
  }
}

/** Generates and inserts `count` documents in batches, each batch in one transaction. */
const loadMany = async (
  payload: Payload,
  from: number,
  to: number,
  toRows: (rows: Rows, id: number) => void,
) => {
  const { drizzle } = payload.db as unknown as SqlAdapter
  for (let start = from; start <= to; start += batchSize) {
    const rows: Rows = {}
    for (let id = start; id <= Math.min(to, start + batchSize - 1); id++) toRows(rows, id)
    await drizzle.transaction((tx) => insertRows(payload, tx, rows))
  }
}

const load = async (payload: Payload, spec: DatasetSpec, seed: number, fromProjects = 0) => {
  const started = Date.now()
  if (fromProjects === 0) {
    await loadMany(payload, 1, spec.partners, (rows, id) => partnerRows(rows, partner(seed, id)))
    await loadMany(payload, 1, spec.members, (rows, id) => memberRows(rows, member(seed, id)))
  }
  // Stories name a project's participants: keep the projects' participants, not their bodies.
  const participants = new Map<number, ProjectDoc>()
  await loadMany(payload, fromProjects + 1, spec.projects, (rows, id) => {
    const doc = project(seed, id, spec)
    if (spec.stories) participants.set(id, { ...doc, body: { de: {}, en: {} } })
    projectRows(rows, doc)
  })
  await loadMany(payload, 1, spec.events, (rows, id) => eventRows(rows, event(seed, id, spec)))
  await loadMany(payload, 1, spec.stories, (rows, id) =>
    storyRows(rows, story(seed, id, spec, (projectId) => participants.get(projectId)!)),
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
    await drizzle.execute!(sql.raw('ANALYZE'))
  } else {
    const { drizzle } = payload.db as unknown as SqlAdapter
    await drizzle.run!(sql.raw('ANALYZE'))
    await drizzle.run!(sql.raw('PRAGMA wal_checkpoint(TRUNCATE)'))
  }
  return { ms: Date.now() - started }
}

const counts = async (payload: Payload) => {
  const result: Record<string, { total: number; published: number }> = {}
  for (const collection of ['projects', 'members', 'partners', 'events', 'stories'] as const) {
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
          return reply({ ok: await load(payload, message.spec, message.seed, message.fromProjects) })
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
  reply({ ready: true })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { benchRoot, projectRoot, tmpDir } from '../paths'
import { adminQuery, databaseUri, type BenchDb } from './databases'
import { defaultSeed, scaleSizes, scaleSpec, type DatasetSpec } from './generate'
import { startWorker } from './workerClient'

export type Dataset = {
  spec: DatasetSpec
  uri: string
  /** Milliseconds to generate and load; `reused` when an identical dataset was already there. */
  load: { ms: number; reused: boolean }
}

const filesOf = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesOf(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    )
    .sort()

/** Changes with the generator, the schema (migrations) and the seed: then datasets are rebuilt. */
const datasetHash = (db: BenchDb, spec: DatasetSpec, seed: number): string => {
  const hash = crypto.createHash('sha256').update(JSON.stringify({ spec, seed, db }))
  for (const file of [
    ...filesOf(path.join(benchRoot, 'dataset')),
    ...filesOf(path.join(projectRoot, 'src', 'migrations', db)),
  ]) {
    hash.update(path.relative(projectRoot, file)).update(fs.readFileSync(file))
  }
  return hash.digest('hex').slice(0, 16)
}

const sqliteFile = (name: string) => path.join(tmpDir, 'datasets', `${name}.db`)

const removeSqlite = (file: string) => {
  for (const suffix of ['', '-wal', '-shm', '.hash']) fs.rmSync(`${file}${suffix}`, { force: true })
}

/** The stamp a finished load leaves, so that a later run can reuse the dataset. */
const readStamp = async (db: BenchDb, name: string): Promise<string | undefined> => {
  if (db === 'sqlite') {
    const file = `${sqliteFile(name)}.hash`
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined
  }
  const rows = await adminQuery<{ stamp: string | null }>(
    `SELECT shobj_description(oid, 'pg_database') AS stamp FROM pg_database WHERE datname = $1`,
    [databaseUri.pgName(name)],
  )
  return rows[0]?.stamp ?? undefined
}

const writeStamp = async (db: BenchDb, name: string, hash: string) => {
  if (db === 'sqlite') return fs.writeFileSync(`${sqliteFile(name)}.hash`, hash)
  await adminQuery(`COMMENT ON DATABASE "${databaseUri.pgName(name)}" IS '${hash}'`)
}

/** An empty database of the dataset's own, or a copy of `from` (its snapshot). */
const prepare = async (db: BenchDb, name: string, from?: string) => {
  if (db === 'sqlite') {
    const file = sqliteFile(name)
    removeSqlite(file)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    if (from) fs.copyFileSync(sqliteFile(from), file)
    return
  }
  const target = databaseUri.pgName(name)
  await adminQuery(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`)
  await adminQuery(
    `CREATE DATABASE "${target}"${from ? ` TEMPLATE "${databaseUri.pgName(from)}"` : ''}`,
  )
}

const loadInto = async (
  db: BenchDb,
  name: string,
  spec: DatasetSpec,
  seed: number,
  fromProjects = 0,
) => {
  const worker = await startWorker(databaseUri.of(db, name))
  try {
    await worker.request({ cmd: 'load', spec, seed, fromProjects })
  } finally {
    await worker.stop()
  }
}

/** A tier's dataset: reused when a finished load with the same hash exists, else generated. */
export const ensureDataset = async (
  db: BenchDb,
  spec: DatasetSpec,
  { seed = defaultSeed, fresh = false, log = console.log } = {},
): Promise<Dataset> => {
  const name = spec.name.toLowerCase()
  const hash = datasetHash(db, spec, seed)
  const uri = databaseUri.of(db, name)
  if (!fresh && (await readStamp(db, name)) === hash) {
    return { spec, uri, load: { ms: 0, reused: true } }
  }
  log(`  loading dataset ${spec.name} into ${db} (${describe(spec)})…`)
  const started = Date.now()
  await prepare(db, name)
  await loadInto(db, name, spec, seed)
  await writeStamp(db, name, hash)
  return { spec, uri, load: { ms: Date.now() - started, reused: false } }
}

/**
 * The scale probe's three databases (1k, 10k, 100k projects). Each is a copy of the one before
 * with more projects: documents 1…n are identical in all three.
 */
export const ensureScaleDatasets = async (
  db: BenchDb,
  { seed = defaultSeed, fresh = false, log = console.log } = {},
): Promise<Dataset[]> => {
  const datasets: Dataset[] = []
  let rebuild = fresh
  let previous: DatasetSpec | undefined
  for (const size of scaleSizes) {
    const spec = scaleSpec(size)
    const name = spec.name.toLowerCase().replace('-', '_')
    const hash = datasetHash(db, spec, seed)
    const uri = databaseUri.of(db, name)
    if (!rebuild && (await readStamp(db, name)) === hash) {
      datasets.push({ spec, uri, load: { ms: 0, reused: true } })
    } else {
      // A snapshot changed: every later one is rebuilt from it.
      rebuild = true
      log(`  loading scale dataset ${spec.name} into ${db}…`)
      const started = Date.now()
      const from = previous ? previous.name.toLowerCase().replace('-', '_') : undefined
      await prepare(db, name, from)
      await loadInto(db, name, spec, seed, previous?.projects ?? 0)
      await writeStamp(db, name, hash)
      datasets.push({ spec, uri, load: { ms: Date.now() - started, reused: false } })
    }
    previous = spec
  }
  return datasets
}

export const describe = (spec: DatasetSpec) =>
  `${spec.projects} projects, ${spec.members} members, ${spec.partners} partners, ${spec.events} events, ${spec.stories} stories`

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

/** An empty database of the dataset's own. */
const prepare = async (db: BenchDb, name: string) => {
  if (db === 'sqlite') {
    const file = sqliteFile(name)
    removeSqlite(file)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    return
  }
  const target = databaseUri.pgName(name)
  await adminQuery(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`)
  await adminQuery(`CREATE DATABASE "${target}"`)
}

const loadInto = async (db: BenchDb, name: string, spec: DatasetSpec, seed: number) => {
  const worker = await startWorker(databaseUri.of(db, name), `load-${name}`)
  try {
    await worker.request({ cmd: 'load', spec, seed })
  } finally {
    await worker.stop()
  }
}

const nameOf = (spec: DatasetSpec) => spec.name.toLowerCase().replace('-', '_')

export type DatasetOptions = {
  seed?: number
  fresh?: boolean
  log?: (line: string) => void
}

/** One dataset: reused when a finished load with the same hash exists, else generated. */
const ensureOne = async (
  db: BenchDb,
  spec: DatasetSpec,
  { seed = defaultSeed, fresh = false, log = console.log }: DatasetOptions,
): Promise<Dataset> => {
  const name = nameOf(spec)
  const hash = datasetHash(db, spec, seed)
  const uri = databaseUri.of(db, name)
  if (!fresh && (await readStamp(db, name)) === hash) {
    return { spec, uri, load: { ms: 0, reused: true } }
  }
  log(`  loading ${spec.name} into ${db} (${describe(spec)})…`)
  const started = Date.now()
  await prepare(db, name)
  await loadInto(db, name, spec, seed)
  await writeStamp(db, name, hash)
  return { spec, uri, load: { ms: Date.now() - started, reused: false } }
}

/**
 * The tier's dataset and the scale probe's three (1k, 10k, 100k projects), loaded two at a
 * time (two cores), largest first. Every document has its own random stream, so documents
 * 1…n are the same in all of them.
 */
export const ensureDatasets = async (
  db: BenchDb,
  tier: DatasetSpec,
  options: DatasetOptions,
): Promise<{ tier: Dataset; scale: Dataset[] }> => {
  const specs = [tier, ...scaleSizes.map(scaleSpec)]
  const results = new Map<DatasetSpec, Dataset>()
  const queue = [...specs].sort((a, b) => b.projects - a.projects)
  const loader = async () => {
    for (let spec = queue.shift(); spec; spec = queue.shift()) {
      results.set(spec, await ensureOne(db, spec, options))
    }
  }
  await Promise.all([loader(), loader()])
  return { tier: results.get(tier)!, scale: specs.slice(1).map((spec) => results.get(spec)!) }
}

export const describe = (spec: DatasetSpec) =>
  `${spec.projects} projects, ${spec.members} members, ${spec.partners} partners, ${spec.events} events, ${spec.stories} stories`

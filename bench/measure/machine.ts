import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { pg, pgModulePath, type BenchDb } from '../dataset/databases'
import { projectRoot } from '../paths'

// Read from node_modules: not every package exports its package.json.
const versionOf = (name: string): string | null => {
  try {
    const file = path.join(projectRoot, 'node_modules', name, 'package.json')
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
  } catch {
    return null
  }
}

/** What the numbers were measured on. */
export const describeMachine = async (db: BenchDb, databaseUri: string) => {
  let database: string
  if (db === 'sqlite') {
    const client = createClient({ url: databaseUri })
    const row = (await client.execute('select sqlite_version() as v')).rows[0]
    database = `SQLite ${row.v} (libSQL client ${versionOf('@libsql/client')}, WAL)`
    client.close()
  } else {
    const client = new pg.Client({ connectionString: databaseUri })
    await client.connect()
    const row = (await client.query('show server_version')).rows[0] as { server_version: string }
    const adapterPg = JSON.parse(
      fs.readFileSync(path.join(path.dirname(pgModulePath), '..', 'package.json'), 'utf8'),
    ) as { version: string }
    database = `PostgreSQL ${row.server_version} (pg ${adapterPg.version}, the adapter's own copy)`
    await client.end()
  }
  let kernel = os.release()
  try {
    kernel = fs.readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()
  } catch {
    // not Linux
  }
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).stdout?.trim() ?? ''
  return {
    // What was measured: the commit, and whether the served code had uncommitted changes.
    commit: git('rev-parse', '--short', 'HEAD') || null,
    uncommitted_changes: git('status', '--porcelain', '--', 'src', 'plugins', 'collections') !== '',
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${kernel}`,
    node: process.version,
    payload: versionOf('payload'),
    next: versionOf('next'),
    graphql: versionOf('graphql'),
    autocannon: versionOf('autocannon'),
    database,
  }
}

import { spawn } from 'node:child_process'

import pg from 'pg'

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

const userTables = `
  select table_schema as schema, table_name as name from information_schema.tables
  where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
  order by 1, 2`

const countTables = async (client: pg.Client): Promise<Record<string, number>> => {
  const { rows } = await client.query<{ schema: string; name: string }>(userTables)
  const counts: Record<string, number> = {}
  for (const { schema, name } of rows) {
    const key = schema === 'public' ? name : `${schema}.${name}`
    const result = await client.query(
      `select count(*)::int as n from ${quote(schema)}.${quote(name)}`,
    )
    counts[key] = Number(result.rows[0].n)
  }
  return counts
}

const withClient = async <T>(uri: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export const countPostgresTables = (uri: string) => withClient(uri, countTables)

/** Runs a PostgreSQL client tool; its messages pass through, a failure names the tool. */
const run = (tool: string, args: string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'inherit', 'pipe'] })
    let errors = ''
    child.stderr.on('data', (chunk) => (errors += chunk))
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${tool} not found: install PostgreSQL's client tools (postgresql-client)`)
          : error,
      ),
    )
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} exited with ${code}:\n${errors}`)),
    )
  })

/**
 * `pg_dump` in its custom format, taken in the snapshot the row counts were read in, so that
 * the manifest describes exactly what the dump holds while the hub keeps writing.
 */
export const backupPostgres = (uri: string, target: string): Promise<Record<string, number>> =>
  withClient(uri, async (client) => {
    await client.query('begin isolation level repeatable read read only')
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id')
    const counts = await countTables(client)
    await run('pg_dump', [
      '--format=custom',
      `--snapshot=${rows[0].id}`,
      '--no-owner',
      '--no-privileges',
      `--file=${target}`,
      `--dbname=${uri}`,
    ])
    await client.query('commit')
    return counts
  })

/** Creates the target database when it does not exist yet; says whether it holds tables. */
export const preparePostgresTarget = async (uri: string): Promise<{ empty: boolean }> => {
  const name = decodeURIComponent(new URL(uri).pathname.slice(1))
  const server = new URL(uri)
  server.pathname = '/postgres'
  await withClient(server.toString(), async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name])
    if (found.rowCount === 0) await client.query(`create database ${quote(name)}`)
  })
  const tables = await withClient(uri, (client) => client.query(userTables))
  return { empty: tables.rowCount === 0 }
}

/** One transaction: a failed restore leaves the target as it was. */
export const restorePostgres = (dump: string, uri: string, { clean }: { clean: boolean }) =>
  run('pg_restore', [
    '--single-transaction',
    '--exit-on-error',
    '--no-owner',
    '--no-privileges',
    ...(clean ? ['--clean', '--if-exists'] : []),
    `--dbname=${uri}`,
    dump,
  ])

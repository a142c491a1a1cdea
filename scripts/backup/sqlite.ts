import fs from 'node:fs'

import { createClient, type Client } from '@libsql/client'

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

const withClient = async <T>(file: string, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = createClient({ url: `file:${file}` })
  try {
    return await work(client)
  } finally {
    client.close()
  }
}

/** Rows per table (SQLite's and libSQL's own tables left out). */
export const countSqliteTables = (file: string): Promise<Record<string, number>> =>
  withClient(file, async (client) => {
    const { rows } = await client.execute(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like 'libsql\\_%' escape '\\' order by name",
    )
    const counts: Record<string, number> = {}
    for (const { name } of rows) {
      const result = await client.execute(`select count(*) as n from ${quote(String(name))}`)
      counts[String(name)] = Number(result.rows[0].n)
    }
    return counts
  })

/**
 * `VACUUM INTO` writes a consistent copy while the hub keeps running (WAL: readers and the
 * writer go on); copying the file instead could catch a half-written page or miss the WAL.
 */
export const backupSqlite = (file: string, target: string): Promise<void> => {
  if (!fs.existsSync(file)) throw new Error(`SQLite database ${file} does not exist`)
  return withClient(file, async (client) => {
    await client.execute(`VACUUM INTO '${target.replace(/'/g, "''")}'`)
  })
}

export const sqliteIsEmpty = async (file: string): Promise<boolean> =>
  !fs.existsSync(file) ||
  fs.statSync(file).size === 0 ||
  Object.keys(await countSqliteTables(file)).length === 0

/** Puts the backup in place of `file` (the hub must be stopped); the old WAL goes with it. */
export const restoreSqlite = (backup: string, file: string): void => {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true })
  const partial = `${file}.restoring`
  fs.copyFileSync(backup, partial)
  fs.renameSync(partial, file)
}

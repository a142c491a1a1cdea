import { createClient } from '@libsql/client'
import pg from 'pg'

import type { TestDatabaseKind } from '../../helpers/testDatabases'

const contentTables = ['projects', 'stories', 'members', 'users', 'partners', 'events']

/**
 * Read straight from the database the server writes to: the table names and the row counts of
 * the content tables. An injection that dropped or emptied a table changes this.
 */
export const databaseShape = async (
  kind: TestDatabaseKind,
  uri: string,
): Promise<{ tables: string[]; rows: Record<string, number> }> => {
  const rows: Record<string, number> = {}
  if (kind.name === 'sqlite') {
    const client = createClient({ url: uri })
    try {
      const result = await client.execute(
        "select name from sqlite_master where type = 'table' order by name",
      )
      const tables = result.rows.map((row) => String(row.name))
      for (const table of contentTables) {
        const count = await client.execute(`select count(*) as n from "${table}"`)
        rows[table] = Number(count.rows[0].n)
      }
      return { tables, rows }
    } finally {
      client.close()
    }
  }
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    const result = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by table_name",
    )
    for (const table of contentTables) {
      const count = await client.query<{ n: string }>(`select count(*) as n from "${table}"`)
      rows[table] = Number(count.rows[0].n)
    }
    return { tables: result.rows.map((row) => row.name), rows }
  } finally {
    await client.end()
  }
}

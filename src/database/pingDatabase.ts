import type { Payload } from 'payload'

type SqliteDb = { client: { execute: (sql: string) => Promise<unknown> } }
type PostgresDb = { pool: { query: (sql: string) => Promise<unknown> } }
type MongoDb = { connection: { db?: { admin: () => { ping: () => Promise<unknown> } } } }

/** One round trip to the database, whatever the adapter; rejects after `timeoutMs`. */
export const pingDatabase = async (payload: Payload, timeoutMs = 2000): Promise<void> => {
  const db = payload.db as unknown
  const ping = (): Promise<unknown> => {
    switch (payload.db.name) {
      case 'sqlite':
        return (db as SqliteDb).client.execute('select 1')
      case 'postgres':
        return (db as PostgresDb).pool.query('select 1')
      case 'mongoose': {
        const mongo = (db as MongoDb).connection.db
        if (!mongo) return Promise.reject(new Error('MongoDB is not connected'))
        return mongo.admin().ping()
      }
      default:
        return Promise.reject(new Error(`No ping for database adapter "${payload.db.name}"`))
    }
  }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`database did not answer in ${timeoutMs} ms`)),
      timeoutMs,
    )
  })
  try {
    await Promise.race([ping(), timeout])
  } finally {
    clearTimeout(timer)
  }
}

import type { Payload } from 'payload'

import { connectClientsKey } from './markPostgresConnectClient'

type PooledClient = {
  release?: (error?: Error) => void
  on?: (event: 'error', listener: () => void) => unknown
}
type Pool = {
  end: () => Promise<void>
  ended?: boolean
  on?: (event: 'error', listener: () => void) => unknown
  _clients?: PooledClient[]
  _idle?: { client: PooledClient }[]
}

const ignore = () => undefined

/**
 * Closes Payload and what its destroy leaves open: the libSQL client, or the PostgreSQL pool
 * with the client the adapter checked out at connect (see markPostgresConnectClient).
 */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  await payload.destroy()
  if (payload.db.name === 'sqlite') {
    ;(payload.db as unknown as { client?: { close: () => void } }).client?.close()
    return
  }
  if (payload.db.name !== 'postgres') return
  const db = payload.db as unknown as { pool?: Pool } & Record<symbol, PooledClient[] | undefined>
  const pool = db.pool
  if (!pool || pool.ended) return
  const idle = new Set((pool._idle ?? []).map((entry) => entry.client))
  for (const client of db[connectClientsKey] ?? []) {
    if (!idle.has(client)) client.release?.()
  }
  db[connectClientsKey] = []
  // pool.end() resolves once its clients are told to end, before their sockets close: a server
  // that drops them meanwhile (a dropped database, a restart) makes them emit an 'error' that
  // nobody listens to any more, which would crash the process. Closing, that error is expected.
  pool.on?.('error', ignore)
  for (const client of pool._clients ?? []) client.on?.('error', ignore)
  // Waits for in-flight queries (a job run cut short by destroy) to hand their clients back.
  await pool.end()
}

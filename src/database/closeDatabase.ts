import type { Payload } from 'payload'

type PooledClient = { release?: (error?: Error) => void }
type Pool = {
  end: () => Promise<void>
  ended?: boolean
  _clients?: PooledClient[]
  _idle?: { client: PooledClient }[]
}

/**
 * Closes Payload and what its destroy leaves open: the libSQL client, or the PostgreSQL pool
 * with the client the adapter checked out at connect and never released (`pool.end()` alone
 * would wait forever and keep Jest or a stopping server alive).
 */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  await payload.destroy()
  if (payload.db.name === 'sqlite') {
    ;(payload.db as unknown as { client?: { close: () => void } }).client?.close()
    return
  }
  if (payload.db.name !== 'postgres') return
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (!pool || pool.ended) return
  const idle = new Set((pool._idle ?? []).map((entry) => entry.client))
  for (const client of pool._clients ?? []) {
    if (!idle.has(client)) client.release?.()
  }
  await pool.end()
}

import type { Payload } from 'payload'

type PooledClient = { release?: (error?: Error) => void }
type Pool = {
  end: () => Promise<void>
  ended?: boolean
  _clients?: PooledClient[]
  _idle?: { client: PooledClient }[]
}

/**
 * `payload.destroy()` leaves the PostgreSQL pool open, with the client the adapter checked out
 * at connect never released, so `pool.end()` alone would wait forever (and keep Jest or a
 * stopping server alive): release that client, then end the pool.
 */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  await payload.destroy()
  if (payload.db.name !== 'postgres') return
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (!pool || pool.ended) return
  const idle = new Set((pool._idle ?? []).map((entry) => entry.client))
  for (const client of pool._clients ?? []) {
    if (!idle.has(client)) client.release?.()
  }
  await pool.end()
}

import type { Payload } from 'payload'

type PoolHolder = { pool?: { end: () => Promise<void>; ended?: boolean } }

/**
 * `payload.destroy()` leaves one PostgreSQL client checked out, which keeps the process (and
 * Jest) alive: end the pool after it.
 */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  await payload.destroy()
  const pool = (payload.db as unknown as PoolHolder).pool
  if (payload.db.name === 'postgres' && pool && !pool.ended) await pool.end()
}

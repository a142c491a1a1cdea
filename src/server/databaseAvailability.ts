import type { Payload } from 'payload'

import { connectClientsKey } from '../database/markPostgresConnectClient'
import { pingDatabase } from '../database/pingDatabase'

export type DatabaseAvailability = {
  /** False from a failed connection until a probe reaches the database again. */
  readonly up: boolean
  /** Why the database was last found unreachable. */
  readonly lastError: string | undefined
  /** Pings now (one ping at a time) and resolves with the answer. */
  check: () => Promise<boolean>
  /** A connection-level failure: marks the database down and probes until it answers. */
  reportFailure: (error: unknown) => void
}

type AvailabilityOptions = { pingTimeoutMs?: number; probeIntervalMs?: number }

type PgClient = {
  on: (event: 'error', listener: (error: Error) => void) => unknown
  once: (event: 'error', listener: (error: Error) => void) => unknown
  release?: (error?: Error) => void
}
type PgConnect = (callback?: (error: Error | undefined, ...rest: unknown[]) => void) => unknown
type PgPool = {
  on: (event: 'error' | 'connect', listener: (value: never) => void) => unknown
  connect: PgConnect
}

/** Errors of the connection, not of the statement (node errno codes, SQLSTATE 08xxx / 57P0x). */
const connectionLost = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && /^(E[A-Z]+|08...|57P0[1-3])$/.test(code)) return true
  return typeof message === 'string' && /Connection terminated|timeout exceeded/i.test(message)
}

/**
 * Knows whether the database answers, so that requests fail fast while it does not (instead
 * of each one waiting for its own connection attempt) and the process recovers on its own
 * when it returns. With PostgreSQL it listens to the pool: a refused connection or a lost one
 * marks the database down at once, before Payload turns the failure into a 500.
 */
export const watchDatabaseAvailability = (
  payload: Payload,
  { pingTimeoutMs = 1000, probeIntervalMs = 500 }: AvailabilityOptions = {},
): DatabaseAvailability => {
  let up = true
  let lastError: string | undefined
  let pending: Promise<boolean> | undefined
  let probing: NodeJS.Timeout | undefined

  const markDown = (error: unknown) => {
    lastError = error instanceof Error ? error.message : String(error)
    if (up) payload.logger.error(`database unreachable: ${lastError}`)
    up = false
    if (!probing) {
      probing = setInterval(() => void check(), probeIntervalMs)
      probing.unref()
    }
  }

  const check = (): Promise<boolean> => {
    pending ??= pingDatabase(payload, pingTimeoutMs)
      .then(() => {
        if (!up) payload.logger.info('database reachable again')
        up = true
        lastError = undefined
        clearInterval(probing)
        probing = undefined
        return true
      })
      .catch((error: unknown) => {
        markDown(error)
        return false
      })
      .finally(() => (pending = undefined))
    return pending
  }

  const reportFailure = (error: unknown) => {
    if (connectionLost(error)) markDown(error)
    else void check()
  }

  if (payload.db.name === 'postgres') watchPostgresPool(payload, reportFailure)

  return {
    get up() {
      return up
    },
    get lastError() {
      return lastError
    },
    check,
    reportFailure,
  }
}

const watchPostgresPool = (payload: Payload, reportFailure: (error: unknown) => void) => {
  const db = payload.db as unknown as { pool?: PgPool } & Record<symbol, PgClient[] | undefined>
  const pool = db.pool
  if (!pool) return
  // Without listeners a lost connection is an 'error' event nobody handles: the process dies.
  pool.on('error', reportFailure as (value: never) => void)
  pool.on('connect', ((client: PgClient) => client.on('error', reportFailure)) as never)
  // The adapter's connect-time client is never returned; once its connection is gone, hand
  // it back so the pool can replace it, and take it off the list shutdown releases.
  for (const client of db[connectClientsKey] ?? []) {
    client.on('error', reportFailure)
    client.once('error', (error) => {
      db[connectClientsKey] = (db[connectClientsKey] ?? []).filter((other) => other !== client)
      client.release?.(error)
    })
  }
  // Connection attempts that fail (server stopped, refused, timed out) mark it down at once.
  const connect = pool.connect.bind(pool)
  pool.connect = (callback) => {
    if (callback) {
      return connect((error, ...rest) => {
        if (error) reportFailure(error)
        callback(error, ...rest)
      })
    }
    return (connect() as Promise<unknown>).catch((error: unknown) => {
      reportFailure(error)
      throw error
    })
  }
}

import type { DatabaseAdapterObj } from 'payload'

type PooledClient = { release?: (error?: Error) => void }
type Pool = { _clients?: PooledClient[]; _idle?: { client: PooledClient }[] }

/** The clients the adapter checked out while connecting and never returns. */
export const connectClientsKey = Symbol('itnet.postgresConnectClients')

/**
 * The PostgreSQL adapter checks a client out of its pool at connect and never releases it, so
 * `pool.end()` would wait forever. Remember exactly those clients, so that shutdown releases
 * them and nothing else (releasing a client an in-flight query holds would fail later).
 */
export const markPostgresConnectClient = (adapter: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const instance = adapter.init(args)
    const connect = instance.connect
    instance.connect = async function (this: typeof instance, ...connectArgs) {
      await connect?.apply(this, connectArgs)
      const pool = (this as unknown as { pool?: Pool }).pool
      if (!pool) return
      const idle = new Set((pool._idle ?? []).map((entry) => entry.client))
      ;(this as unknown as Record<symbol, PooledClient[]>)[connectClientsKey] = (
        pool._clients ?? []
      ).filter((client) => !idle.has(client))
    }
    return instance
  },
})

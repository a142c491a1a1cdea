import type { DatabaseAdapterObj } from 'payload'

type LibsqlTransaction = Record<'commit' | 'rollback' | 'close', (...args: unknown[]) => unknown>
type LibsqlClient = {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: string) => Promise<LibsqlTransaction>
  transactionsSerialized?: true
}

/** Longer than any transaction should take; then the next one tries anyway (SQLite's busy rules). */
const maxWaitMs = 15_000

/**
 * SQLite has one writer, and libSQL's driver is synchronous: a second transaction that waits
 * for the lock busy-waits on the event loop and so blocks the first one from committing (then
 * fails with SQLITE_BUSY). Measured with the jobs runner: every tick failed, and writes racing
 * it were lost for seconds. So transactions queue here, asynchronously, one at a time. libSQL
 * also hands each transaction its connection and opens a new one without Payload's
 * `busy_timeout`: set it again on each new connection.
 */
export const serializeSqliteTransactions = (
  adapter: DatabaseAdapterObj,
  busyTimeoutMs: number,
): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const instance = adapter.init(args)
    const connect = instance.connect
    instance.connect = async function (this: typeof instance, ...connectArgs) {
      await connect?.apply(this, connectArgs)
      const client = (this as unknown as { client?: LibsqlClient }).client
      if (!client || client.transactionsSerialized) return
      const begin = client.transaction.bind(client)
      let tail: Promise<void> = Promise.resolve()
      client.transaction = async (mode) => {
        let release!: () => void
        const previous = tail
        tail = new Promise<void>((resolve) => (release = resolve))
        await Promise.race([
          previous,
          new Promise((resolve) => setTimeout(resolve, maxWaitMs).unref()),
        ])
        let transaction: LibsqlTransaction
        try {
          transaction = await begin(mode)
          await client.execute(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
        } catch (error) {
          release()
          throw error
        }
        for (const method of ['commit', 'rollback', 'close'] as const) {
          const original = transaction[method].bind(transaction)
          transaction[method] = (...methodArgs: unknown[]) => {
            try {
              const result = original(...methodArgs)
              return result instanceof Promise ? result.finally(release) : (release(), result)
            } catch (error) {
              release()
              throw error
            }
          }
        }
        return transaction
      }
      client.transactionsSerialized = true
    }
    return instance
  },
})

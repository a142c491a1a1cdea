import type { Payload } from 'payload'

type Patchable = Record<string, (...args: unknown[]) => unknown>

/**
 * Counts the statements the adapter sends to its driver (libSQL `execute`/`batch`, the pg
 * pool's `query`), or, for adapters without a SQL driver, its read calls. `stop` restores.
 */
export const countDatabaseQueries = (payload: Payload) => {
  let count = 0
  const db = payload.db as unknown as { client?: Patchable; pool?: Patchable }
  const patched: [Patchable, string, (...args: unknown[]) => unknown][] = []
  const patch = (target: Patchable | undefined, method: string) => {
    const original = target?.[method]
    if (!target || typeof original !== 'function') return
    patched.push([target, method, original])
    target[method] = function (this: unknown, ...args: unknown[]) {
      count += 1
      return original.apply(this, args)
    }
  }
  if (db.client) {
    patch(db.client, 'execute')
    patch(db.client, 'batch')
  } else if (db.pool) {
    patch(db.pool, 'query')
  } else {
    for (const method of ['find', 'findOne', 'count', 'findGlobal']) {
      patch(payload.db as unknown as Patchable, method)
    }
  }
  return {
    get count() {
      return count
    },
    reset: () => {
      count = 0
    },
    stop: () => {
      for (const [target, method, original] of patched) target[method] = original
    },
  }
}

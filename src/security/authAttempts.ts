import { MemoryStore } from 'express-rate-limit'

/** How long sign-in, reset and unlock attempts are counted per client address. */
export const authAttemptWindowMs = 10 * 60 * 1000

/**
 * Set by Express on every request it hands to Next (overwriting what a client sent): the key of
 * the client's address, so Next's route handlers count attempts under the same key.
 */
export const clientKeyHeader = 'x-itnet-client-key'

type Slot = { store?: MemoryStore }
const slot = ((globalThis as Record<symbol, Slot>)[Symbol.for('itnet.authAttempts')] ??= {})

/**
 * One counter for every door that checks a password or sends a reset mail: the REST auth
 * endpoints (Express) and Payload's GraphQL auth mutations (Next's route handler). Both run in
 * this process but in separate module graphs, hence the process-wide slot.
 */
export const authAttemptStore = (): MemoryStore => {
  if (!slot.store) {
    slot.store = new MemoryStore()
    slot.store.init({ windowMs: authAttemptWindowMs } as never)
  }
  return slot.store
}

/** Counts one attempt for `key`; true when the address is over `limit` in the window. */
export const countAuthAttempt = async (key: string, limit: number): Promise<boolean> => {
  const { totalHits } = await authAttemptStore().increment(key)
  return totalHits > limit
}

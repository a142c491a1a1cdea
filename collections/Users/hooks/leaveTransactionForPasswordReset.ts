import { killTransaction, type CollectionBeforeOperationHook } from 'payload'

/**
 * Payload's forgot-password operation opens a transaction, then reserves the reset request with
 * an update deliberately outside it. On SQLite the open transaction holds the one write lock,
 * and libSQL's synchronous driver waits for it on the event loop: the request deadlocks until
 * the busy timeout and ends in a 500. Nothing has been written at this point, so on SQLite the
 * operation runs without the transaction (its two writes are single statements).
 */
export const leaveTransactionForPasswordReset: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation === 'forgotPassword' && req.payload.db.name === 'sqlite') {
    await killTransaction(req)
  }
  return args
}

/**
 * Runs `action` and returns the HTTP status of the error Payload threw; fails the test when
 * nothing was thrown or the error is not a client error (4xx).
 */
export const refusalStatus = async (action: () => Promise<unknown>): Promise<number> => {
  try {
    await action()
  } catch (error) {
    const status = (error as { status?: number }).status
    if (typeof status !== 'number' || status < 400 || status >= 500) throw error
    return status
  }
  throw new Error('expected the operation to be refused, but it succeeded')
}

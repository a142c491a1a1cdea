import type { AfterErrorHook } from 'payload'

/** SQLite's refusals of a bound value, a path a client made up, or a reference to nothing. */
const sqliteInputErrors =
  /can only bind|only finite numbers|cannot be passed as argument|datatype mismatch|no such column|malformed JSON|bad JSON path|too big|out of range|FOREIGN KEY constraint failed/i

/**
 * PostgreSQL errors caused by a client's value: data exceptions (class 22), a reference to a
 * document that does not exist, undefined column/function, a datatype mismatch.
 */
const postgresInputCodes = new Set(['23503', '42703', '42883', '42804'])
const isPostgresDataException = (code: unknown) => typeof code === 'string' && code.startsWith('22')

type ErrorLike = Error & {
  status?: number
  code?: unknown
  cause?: unknown
  originalError?: unknown
}

const chain = (error: unknown): ErrorLike[] => {
  const errors: ErrorLike[] = []
  let current = error as ErrorLike | undefined
  while (current && typeof current === 'object' && errors.length < 5 && !errors.includes(current)) {
    errors.push(current)
    current = (current.originalError ?? current.cause) as ErrorLike | undefined
  }
  return errors
}

/**
 * The message for an error that a client's input caused but Payload lets through as a 500
 * (a `where` value the database cannot bind, a query parameter that is not JSON, a date that
 * is not one), or undefined for a real server error.
 */
export const clientErrorMessage = (error: unknown): string | undefined => {
  const errors = chain(error)
  // Errors Payload already classified as client errors keep their own answer.
  if (errors.some((e) => typeof e.status === 'number' && e.status >= 400 && e.status < 500)) {
    return undefined
  }
  for (const e of errors) {
    if (e.name === 'SyntaxError') return `Malformed input: ${e.message}`
    if (e.name === 'RangeError' && /invalid time value/i.test(e.message)) {
      return 'A date value is not a valid date.'
    }
    // Payload's own refusal of a `where` path it cannot translate, and the invalid SQL it
    // builds for some it does not refuse (`participants.value equals null` on a polymorphic
    // relationship): values are bound either way, the query shape is the client's.
    if (
      (e.name === 'APIError' && e.message === 'Not supported') ||
      e.code === '42601' ||
      (!/^Failed query/.test(e.message) &&
        /^(SQLITE_ERROR: )?near ".*": syntax error$/.test(e.message))
    ) {
      return 'This query is not supported.'
    }
    if (e.code === '23503' || /^FOREIGN KEY constraint failed/.test(e.message)) {
      return 'A relationship in the request points to a document that does not exist.'
    }
    if (postgresInputCodes.has(e.code as string) || isPostgresDataException(e.code)) {
      return `A value in the request does not fit its field: ${e.message}`
    }
    // The driver's own error (libSQL, or the RangeError/TypeError of a value it cannot bind);
    // never the query wrapper, whose message carries the SQL.
    if (!/^Failed query/.test(e.message) && sqliteInputErrors.test(e.message)) {
      return `A value in the request does not fit its field: ${e.message}`
    }
  }
  return undefined
}

/**
 * Bad input gets a 400 that names the problem, never a 500: Payload's REST and GraphQL error
 * paths both end here. Transactions were already rolled back, so nothing was stored.
 */
export const answerClientErrors: AfterErrorHook = ({ error, graphqlResult }) => {
  const message = clientErrorMessage(error)
  if (!message) return
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message,
        extensions: { ...graphqlResult.extensions, statusCode: 400 },
      },
    }
  }
  return { status: 400, response: { errors: [{ message }] } }
}

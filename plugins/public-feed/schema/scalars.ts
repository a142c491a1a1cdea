import { GraphQLScalarType, Kind } from 'graphql'

import { badUserInput } from '../resolvers/errors'

const isoDateTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/

const parse = (value: unknown): string => {
  if (typeof value !== 'string' || !isoDateTime.test(value) || Number.isNaN(Date.parse(value))) {
    throw badUserInput(
      `DateTime must be an ISO 8601 date or date-time, e.g. "2023-09-01T00:00:00Z"; got ${JSON.stringify(value)}.`,
    )
  }
  return new Date(value).toISOString()
}

/** An instant as ISO 8601 in UTC (`2023-09-01T08:00:00.000Z`). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant in ISO 8601, UTC on output (e.g. "2023-09-01T08:00:00.000Z").',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badUserInput('DateTime must be given as a string.')
    return parse(ast.value)
  },
})

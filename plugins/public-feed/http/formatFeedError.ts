import { GraphQLError } from 'graphql'

import type { FeedRuntime } from './feedRuntime'

const suggestion = /\s*Did you mean .*\?$/

/**
 * Every error leaves with an `extensions.code`. Messages of unexpected failures are not
 * shown (they are logged); in production "Did you mean …?" hints are cut, since they let a
 * caller map a schema whose introspection is off.
 */
export const formatFeedError = (
  error: Error | GraphQLError,
  runtime: FeedRuntime,
): GraphQLError => {
  const graphqlError =
    error instanceof GraphQLError
      ? error
      : new GraphQLError(error.message, {
          extensions: { code: (error as { code?: string }).code ?? 'BAD_REQUEST' },
        })
  // graphql-jit's variable errors come without `extensions`.
  let code = graphqlError.extensions?.code as string | undefined
  let message = graphqlError.message
  const original = graphqlError.originalError
  if (!code) {
    if (/^Variable "\$/.test(message) || /^Argument "/.test(message)) {
      code = 'BAD_USER_INPUT'
    } else if (original && !(original instanceof GraphQLError)) {
      runtime.payload.logger.error({ err: original }, 'public feed: resolver failed')
      code = 'INTERNAL_SERVER_ERROR'
      message = 'Internal error while reading the feed.'
    } else {
      code = 'GRAPHQL_VALIDATION_FAILED'
    }
  }
  if (runtime.settings.production) message = message.replace(suggestion, '')
  return new GraphQLError(message, {
    nodes: graphqlError.nodes,
    source: graphqlError.source,
    positions: graphqlError.positions,
    path: graphqlError.path,
    extensions: { ...(graphqlError.extensions ?? {}), code },
  })
}

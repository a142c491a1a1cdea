import { GraphQLError } from 'graphql'

/** Stable machine codes of the feed's errors (`extensions.code`), documented in docs/feed.md. */
export type FeedErrorCode =
  | 'BAD_USER_INPUT'
  | 'BAD_REQUEST'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COMPLEX'
  | 'QUERY_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_HASH_MISMATCH'
  | 'BATCHING_NOT_SUPPORTED'
  | 'INTERNAL_SERVER_ERROR'

export const feedError = (
  code: FeedErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLError => new GraphQLError(message, { extensions: { code, ...extra } })

export const badUserInput = (message: string): GraphQLError => feedError('BAD_USER_INPUT', message)

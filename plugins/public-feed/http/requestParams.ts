import crypto from 'node:crypto'

import type { RequestParams } from 'graphql-http'
import type { LRUCache } from 'lru-cache'

import type { FeedErrorCode } from '../resolvers/errors'
import type { FeedRequest } from './types'

/** A refused request: 400 with its message (graphql-http's convention) and a code. */
export class BadFeedRequest extends Error {
  constructor(
    message: string,
    readonly code: FeedErrorCode = 'BAD_REQUEST',
  ) {
    super(message)
  }
}
const bad = (message: string, code?: FeedErrorCode) => new BadFeedRequest(message, code)

/** A body in another format than JSON: 415, as GraphQL over HTTP asks. */
export class UnsupportedMediaType extends Error {}

type RawParams = {
  query?: unknown
  operationName?: unknown
  variables?: unknown
  extensions?: unknown
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Marks a persisted-query hash that this process does not know (yet). */
export const unknownPersistedQuery = Symbol('unknownPersistedQuery')
export type FeedParams = RequestParams & { [unknownPersistedQuery]?: true }

const readRaw = (request: FeedRequest): RawParams => {
  if (request.method === 'GET') {
    const search = request.url.searchParams
    const json = (name: string) => {
      const value = search.get(name)
      if (!value) return undefined
      try {
        return JSON.parse(value) as unknown
      } catch {
        throw bad(`The \`${name}\` parameter is not valid JSON.`)
      }
    }
    return {
      query: search.get('query') ?? undefined,
      operationName: search.get('operationName') ?? undefined,
      variables: json('variables'),
      extensions: json('extensions'),
    }
  }
  const [mediaType] = (request.header('content-type') ?? '').toLowerCase().split(';')
  if (mediaType.trim() !== 'application/json') {
    throw new UnsupportedMediaType('Send the request as Content-Type: application/json.')
  }
  if (!request.body) throw bad('The request has no body; send {"query": "…"} as JSON.')
  let data: unknown
  try {
    data = JSON.parse(request.body)
  } catch {
    throw bad('The body is not valid JSON.')
  }
  if (Array.isArray(data)) {
    throw bad(
      'Batched requests are not supported: send one operation per request.',
      'BATCHING_NOT_SUPPORTED',
    )
  }
  if (!isObject(data)) throw bad('The JSON body must be an object like {"query": "…"}.')
  return data
}

/**
 * GET and POST parameters per GraphQL over HTTP, plus automatic persisted queries: a client
 * may send only `extensions.persistedQuery.sha256Hash`; the first time it must also send the
 * text, which is checked against the hash and remembered.
 */
export const readRequestParams = (
  request: FeedRequest,
  persisted: LRUCache<string, string>,
): FeedParams => {
  const raw = readRaw(request)
  if (raw.variables != null && !isObject(raw.variables)) {
    throw bad('`variables` must be an object.')
  }
  if (raw.operationName != null && typeof raw.operationName !== 'string') {
    throw bad('`operationName` must be a string.')
  }
  if (raw.extensions != null && !isObject(raw.extensions)) {
    throw bad('`extensions` must be an object.')
  }
  if (raw.query != null && typeof raw.query !== 'string') throw bad('`query` must be a string.')
  const params: FeedParams = {
    query: (raw.query as string | undefined) ?? '',
    operationName: (raw.operationName as string | null | undefined) ?? undefined,
    variables: (raw.variables as Record<string, unknown> | null | undefined) ?? undefined,
    extensions: (raw.extensions as Record<string, unknown> | null | undefined) ?? undefined,
  }
  // PostgreSQL cannot hold U+0000 in text, so a slug or filter with one can match nothing:
  // refused here rather than failing in the database.
  // The raw character, or its escape in GraphQL or JSON text.
  const hasNul = (text: string) => text.includes('\u0000') || text.includes('\\u0000')
  if (hasNul(params.query) || hasNul(JSON.stringify(params.variables ?? {}))) {
    throw bad('No text in the feed holds a NUL character (U+0000); remove it.', 'BAD_USER_INPUT')
  }
  const persistedQuery = params.extensions?.persistedQuery
  if (persistedQuery !== undefined) {
    const hash = isObject(persistedQuery) ? persistedQuery.sha256Hash : undefined
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash)) {
      throw bad('`extensions.persistedQuery.sha256Hash` must be a hex SHA-256.')
    }
    const normalized = hash.toLowerCase()
    if (raw.query != null) {
      const actual = crypto.createHash('sha256').update(params.query).digest('hex')
      if (actual !== normalized) {
        throw bad('The query does not match its sha256Hash.', 'PERSISTED_QUERY_HASH_MISMATCH')
      }
      persisted.set(normalized, params.query)
    } else {
      const known = persisted.get(normalized)
      if (known === undefined) return { ...params, [unknownPersistedQuery]: true }
      params.query = known
    }
  } else if (raw.query == null) {
    throw bad('The request has no `query`.')
  }
  return params
}

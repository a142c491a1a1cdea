import crypto from 'node:crypto'

import { getOperationAST, GraphQLError, type ExecutionArgs } from 'graphql'
import { createHandler, type Request as HttpRequest, type Response } from 'graphql-http'
import { LRUCache } from 'lru-cache'

import { graphqlPath } from '../defaults'
import { createFeedContext, type FeedContext } from '../resolvers/context'
import { feedError } from '../resolvers/errors'
import { cacheEntry, conditionalAnswer } from './cacheHeaders'
import { formatFeedError } from './formatFeedError'
import type { FeedRuntime } from './feedRuntime'
import type { PreparedQuery } from './queryCache'
import {
  readRequestParams,
  UnsupportedMediaType,
  unknownPersistedQuery,
  type FeedParams,
} from './requestParams'
import { responseMediaType } from './responseMediaType'
import type { FeedRequest, FeedResponse, FeedRoute } from './types'

/** What a request carries through graphql-http's hooks. */
type RequestState = {
  request: FeedRequest
  runtime: FeedRuntime
  revision: string
  cacheKey?: string
  /** Set when execution produced data without errors: only such answers are cached. */
  cacheable?: boolean
  served?: FeedResponse
}

const compiledByDocument = new WeakMap<object, PreparedQuery>()

const cacheKeyOf = (state: RequestState, params: FeedParams): string =>
  crypto
    .createHash('sha256')
    .update(
      JSON.stringify([
        state.runtime.publicUrl(state.request),
        state.request.header('accept') ?? '',
        params.operationName ?? '',
        params.query,
        params.variables ?? {},
      ]),
    )
    .digest('base64url')

type Handler = ReturnType<typeof createHandler<unknown, RequestState, FeedContext>>
const handlers = new WeakMap<FeedRuntime, Handler>()

const handlerFor = (runtime: FeedRuntime) => {
  let handler = handlers.get(runtime)
  if (handler) return handler
  const persisted = new LRUCache<string, string>({ max: 5000 })
  handler = createHandler<unknown, RequestState, FeedContext>({
    schema: runtime.schema,
    formatError: (error) => formatFeedError(error, runtime),
    parseRequestParams: async (req): Promise<FeedParams | Response> => {
      const state = req.context
      let params: FeedParams
      try {
        params = readRequestParams(state.request, persisted)
      } catch (error) {
        if (!(error instanceof UnsupportedMediaType)) throw error
        const body = JSON.stringify({
          errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }],
        })
        return [
          body,
          {
            status: 415,
            statusText: 'Unsupported Media Type',
            headers: { 'content-type': 'application/json; charset=utf-8' },
          },
        ]
      }
      if (runtime.settings.responseCacheEnabled && !params[unknownPersistedQuery]) {
        state.cacheKey = cacheKeyOf(state, params)
        const hit = runtime.responses.get(state.cacheKey, state.revision)
        if (hit) {
          // Served from memory: no parse, no validation, no database.
          state.served =
            state.request.method === 'GET'
              ? conditionalAnswer(state.request, hit, runtime.settings)
              : {
                  status: 200,
                  headers: { ...hit.headers, 'cache-control': 'no-store' },
                  body: hit.body,
                }
          return [null, { status: 200, statusText: 'OK' }] as const
        }
      }
      return params
    },
    onSubscribe: (req, params) => {
      const state = req.context
      if ((params as FeedParams)[unknownPersistedQuery]) {
        return [feedError('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound')]
      }
      const prepared = runtime.queries.prepare(params.query, params.operationName ?? undefined)
      if (Array.isArray(prepared)) return prepared
      let cost: number
      try {
        cost = prepared.cost(params.variables ?? undefined)
      } catch (error) {
        // The estimate coerces the variables first: bad ones are the caller's mistake.
        return [feedError('BAD_USER_INPUT', (error as Error).message)]
      }
      const { maxCost } = runtime.settings.limits
      if (cost > maxCost) {
        return [
          feedError(
            'QUERY_TOO_COMPLEX',
            `The query's estimated cost ${cost} exceeds the limit of ${maxCost}; ask for fewer items or fields.`,
            { cost, maxCost },
          ),
        ]
      }
      const operation = getOperationAST(prepared.document, params.operationName ?? undefined)
      if (!operation) return [new GraphQLError('The operation to run is not in the query.')]
      compiledByDocument.set(prepared.document, prepared)
      const args: ExecutionArgs = {
        schema: runtime.schema,
        document: prepared.document,
        operationName: params.operationName ?? undefined,
        variableValues: params.variables ?? undefined,
        contextValue: createFeedContext(
          runtime.payload,
          runtime.publicUrl(state.request),
          runtime.settings.limits.maxPageSize,
        ),
      }
      return args as never
    },
    execute: (args) => {
      const prepared = compiledByDocument.get(args.document)!
      return prepared.compiled.query(undefined, args.contextValue, args.variableValues ?? {})
    },
    onOperation: (req, args, result) => {
      if ('errors' in result && result.errors?.length) return undefined
      req.context.cacheable = true
      // Successes are serialized by the query's own compiled serializer (graphql-jit), much
      // faster than JSON.stringify with graphql-http's replacer; errors keep its formatting.
      const prepared = compiledByDocument.get(args.document)!
      return [
        prepared.compiled.stringify(result),
        {
          status: 200,
          statusText: 'OK',
          headers: {
            'content-type': `${responseMediaType(req.context.request.header('accept'))}; charset=utf-8`,
          },
        },
      ] as Response
    },
  })
  handlers.set(runtime, handler)
  return handler
}

const answer = async (request: FeedRequest, runtime: FeedRuntime): Promise<FeedResponse> => {
  const revision = await runtime.revisions.revision()
  const state: RequestState = { request, runtime, revision }
  const httpRequest: HttpRequest<unknown, RequestState> = {
    method: request.method,
    url: `${request.url.pathname}${request.url.search}`,
    headers: { get: (name: string) => request.header(name) ?? null },
    body: request.body ?? null,
    raw: null,
    context: state,
  }
  const [body, init] = await handlerFor(runtime)(httpRequest)
  if (state.served) return state.served
  const headers = Object.fromEntries(
    Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  )
  if (init.status === 200 && state.cacheable && body !== null) {
    const entry = cacheEntry(200, headers, body)
    if (state.cacheKey) runtime.responses.set(state.cacheKey, revision, entry)
    // POST answers are not HTTP-cacheable; GET answers get validators and Cache-Control.
    if (request.method === 'GET') return conditionalAnswer(request, entry, runtime.settings)
    return { status: 200, headers: { ...headers, 'cache-control': 'no-store' }, body: entry.body }
  }
  return {
    status: init.status,
    headers: { ...headers, 'cache-control': 'no-store' },
    body: body ?? null,
  }
}

/** `GET` and `POST /api/feed/graphql`. */
export const graphqlRoutes: FeedRoute[] = (['get', 'post'] as const).map((method) => ({
  method,
  path: graphqlPath,
  cacheable: false,
  handle: answer,
}))

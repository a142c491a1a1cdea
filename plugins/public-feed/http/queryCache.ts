import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit'
import { LRUCache } from 'lru-cache'

import { feedError, type FeedErrorCode } from '../resolvers/errors'
import type { FeedSettings } from './feedRuntime'
import { noSchemaIntrospection } from './noSchemaIntrospection'
import { queryCost } from './queryCost'

/** A query checked once and compiled once; only its cost depends on the variables. */
export type PreparedQuery = {
  document: DocumentNode
  compiled: CompiledQuery
  /** Estimated cost with these variables (cached per distinct variables). */
  cost: (variables: Record<string, unknown> | undefined) => number
}

// graphql-armor throws by default; reported errors are collected like any validation error.
const reported = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error),
  ],
}

const withCode = (code: FeedErrorCode, errors: readonly GraphQLError[]): GraphQLError[] =>
  errors.map(
    (error) =>
      new GraphQLError(error.message.replace(/^Syntax Error: (Query|Aliases)/, '$1'), {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        extensions: { ...error.extensions, code },
      }),
  )

/**
 * Parse, validate and compile (graphql-jit) each distinct query text once; repeated requests
 * skip all three. Rejections are cached too, so a repeated abusive query costs a lookup.
 */
export class QueryCache {
  private readonly prepared = new LRUCache<string, PreparedQuery | GraphQLError[]>({ max: 1000 })
  private readonly rules: ValidationRule[]

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly settings: FeedSettings,
  ) {
    this.rules = settings.production
      ? [...specifiedRules, noSchemaIntrospection]
      : [...specifiedRules]
  }

  prepare(query: string, operationName: string | undefined): PreparedQuery | GraphQLError[] {
    const key = `${operationName ?? ''}\u0000${query}`
    let entry = this.prepared.get(key)
    if (!entry) {
      entry = this.build(query, operationName)
      this.prepared.set(key, entry)
    }
    return entry
  }

  private build(query: string, operationName: string | undefined): PreparedQuery | GraphQLError[] {
    const { limits } = this.settings
    if (Buffer.byteLength(query) > limits.maxQueryBytes) {
      return [
        feedError(
          'QUERY_TOO_LARGE',
          `The query is longer than ${limits.maxQueryBytes} bytes; use variables, fragments or split it.`,
        ),
      ]
    }
    let document: DocumentNode
    try {
      // A token ceiling stops pathological texts before any tree is built.
      document = parse(query, { maxTokens: 4000 })
    } catch (error) {
      const syntax = error as GraphQLError
      const tooLong = /tokens/.test(syntax.message)
      return withCode(tooLong ? 'QUERY_TOO_LARGE' : 'GRAPHQL_PARSE_FAILED', [syntax])
    }
    const checks: [FeedErrorCode, ValidationRule[]][] = [
      ['GRAPHQL_VALIDATION_FAILED', this.rules],
      ['QUERY_TOO_DEEP', [maxDepthRule({ n: limits.maxDepth, ...reported })]],
      ['QUERY_TOO_COMPLEX', [maxAliasesRule({ n: limits.maxAliases, ...reported })]],
    ]
    for (const [code, rules] of checks) {
      const errors = validate(this.schema, document, rules)
      if (errors.length) return withCode(code, errors)
    }
    const compiled = compileQuery(this.schema, document, operationName)
    if (!isCompiledQuery(compiled)) {
      return withCode('GRAPHQL_VALIDATION_FAILED', compiled.errors ?? [])
    }
    const costs = new LRUCache<string, number>({ max: 200 })
    return {
      document,
      compiled,
      cost: (variables) => {
        const key = JSON.stringify(variables ?? {})
        let cost = costs.get(key)
        if (cost === undefined) {
          cost = queryCost(this.schema, document, operationName, variables)
          costs.set(key, cost)
        }
        return cost
      },
    }
  }
}

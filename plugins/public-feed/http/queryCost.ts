import { getNullableType, GraphQLList, type DocumentNode, type GraphQLSchema } from 'graphql'
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity'

import { defaultPageSize } from '../defaults'

/** Lists without a page size (participants, a member's projects) count as ten items. */
const unpagedListSize = 10

/**
 * Cost grows with what a query can make the server read: every field costs 1, a connection
 * multiplies its contents by `first`, an unpaged list by ten.
 */
const pagedEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if ('first' in (args ?? {}) || field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : defaultPageSize
    return 1 + childComplexity * Math.max(first, 1)
  }
  // A connection's edges are its page: counted once, by `first` above.
  if (field.name === 'edges') return 1 + childComplexity
  if (getNullableType(field.type) instanceof GraphQLList) {
    return 1 + childComplexity * unpagedListSize
  }
  return undefined
}

export const queryCost = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): number =>
  getComplexity({
    schema,
    query: document,
    operationName,
    variables: variables ?? {},
    estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
  })

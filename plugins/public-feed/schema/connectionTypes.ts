import {
  GraphQLBoolean,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLOutputType,
} from 'graphql'

import type { Connection } from '../resolvers/connection'
import type { FeedContext } from '../resolvers/context'

export const PageInfoType = new GraphQLObjectType({
  name: 'PageInfo',
  fields: {
    hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    endCursor: {
      type: GraphQLString,
      description: 'Pass as `after` to get the next page.',
    },
  },
})

/** `XConnection { totalCount edges { cursor node } pageInfo }` for a node type named X. */
export const connectionType = (name: string, node: GraphQLOutputType) => {
  const edge = new GraphQLObjectType({
    name: `${name}Edge`,
    fields: {
      cursor: { type: new GraphQLNonNull(GraphQLString) },
      node: { type: new GraphQLNonNull(node) },
    },
  })
  return new GraphQLObjectType<Connection<unknown>, FeedContext>({
    name: `${name}Connection`,
    fields: {
      totalCount: {
        type: new GraphQLNonNull(GraphQLInt),
        description: 'All items matching the filters (not only this page).',
        resolve: (connection) => connection.totalCount(),
      },
      edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))) },
      pageInfo: { type: new GraphQLNonNull(PageInfoType) },
    },
  })
}

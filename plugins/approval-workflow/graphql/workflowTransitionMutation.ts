import type { CollectionSlug, GraphQLExtension, PayloadRequest } from 'payload'

import { WorkflowError } from '../errors'
import type { WorkflowContext } from '../types'
import { performTransition } from '../utilities/performTransition'

/** `workflowTransition(collection, id, transition, comment, publishAt)` in Payload's GraphQL schema. */
export const workflowTransitionMutation =
  (context: WorkflowContext): GraphQLExtension =>
  (GraphQL) => {
    const event = new GraphQL.GraphQLObjectType({
      name: 'WorkflowStep',
      fields: {
        transition: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        from: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        to: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        user: { type: GraphQL.GraphQLString },
        comment: { type: GraphQL.GraphQLString },
        version: { type: GraphQL.GraphQLString },
        at: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      },
    })
    const status = new GraphQL.GraphQLObjectType({
      name: 'WorkflowStatus',
      fields: {
        state: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        live: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLBoolean) },
        transitions: {
          type: new GraphQL.GraphQLList(new GraphQL.GraphQLNonNull(GraphQL.GraphQLString)),
        },
        history: { type: new GraphQL.GraphQLList(new GraphQL.GraphQLNonNull(event)) },
      },
    })
    return {
      workflowTransition: {
        type: status,
        args: {
          collection: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
          id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLID) },
          transition: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
          comment: { type: GraphQL.GraphQLString },
          publishAt: { type: GraphQL.GraphQLString },
        },
        resolve: async (
          _source: unknown,
          args: {
            collection: string
            id: string
            transition: string
            comment?: string
            publishAt?: string
          },
          { req }: { req: PayloadRequest },
        ) => {
          const collectionOptions = context.options.collections[args.collection]
          if (!collectionOptions) {
            throw new WorkflowError(
              'WORKFLOW_INVALID_REQUEST',
              400,
              `"${args.collection}" has no review workflow`,
            )
          }
          const result = await performTransition(
            req,
            { ...args, collection: args.collection as CollectionSlug, collectionOptions },
            context,
          )
          return {
            ...result,
            history: result.history.map((entry) => ({
              ...entry,
              user: entry.user == null ? null : String(entry.user),
            })),
          }
        },
      },
    }
  }

import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql'

import { noIntrospection } from './noIntrospection'
import { singleAuthMutation } from './singleAuthMutation'

/** Limits on Payload's own `/api/graphql` (the public feed has its own). */
export const payloadGraphQLLimits = {
  /** Deep enough for a project's participants' logos, far from a relationship loop. */
  maxDepth: 10,
  maxAliases: 15,
  /** Payload's complexity estimate (a relationship field costs 10). */
  maxComplexity: 1000,
}

// graphql-armor throws by default, which graphql-http turns into a 500: report instead, without
// its misleading "Syntax Error:" prefix.
const reported = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { nodes: error.nodes }),
      ),
  ],
}

/**
 * Validation rules Payload adds to the specified ones. `production` is the hub's one production
 * check (`readEnv().production`), not Payload's own reading of NODE_ENV.
 */
export const payloadGraphQLRules = (production: boolean) => (): ValidationRule[] => [
  maxDepthRule({ n: payloadGraphQLLimits.maxDepth, ...reported }),
  maxAliasesRule({ n: payloadGraphQLLimits.maxAliases, ...reported }),
  singleAuthMutation,
  ...(production ? [noIntrospection] : []),
]

import { GraphQLError, Kind, type ValidationRule } from 'graphql'

import { authMutationNames } from './authMutations'

/**
 * Aliases let one request try many passwords (`a: loginUser(…) b: loginUser(…)`), which the
 * per-request rate limit would count once: a document may hold at most one auth mutation.
 */
export const singleAuthMutation: ValidationRule = (context) => {
  let seen = 0
  return {
    OperationDefinition(node) {
      if (node.operation !== 'mutation') return
      for (const selection of node.selectionSet.selections) {
        if (selection.kind !== Kind.FIELD || !authMutationNames.has(selection.name.value)) continue
        seen += 1
        if (seen > 1) {
          context.reportError(
            new GraphQLError(
              'At most one sign-in, password or unlock mutation per request is accepted.',
              { nodes: selection },
            ),
          )
        }
      }
    },
  }
}

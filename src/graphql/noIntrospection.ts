import { GraphQLError, type ValidationRule } from 'graphql'

/**
 * Production refuses introspection on Payload's GraphQL: it maps every collection, field and
 * mutation for an attacker. Frontends use the public feed, whose schema is published.
 */
export const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(new GraphQLError('Introspection is off in production.', { nodes: node }))
    }
  },
})

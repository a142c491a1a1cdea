import { GraphQLError, type ValidationRule } from 'graphql'

/**
 * Production refuses `__schema`, the whole-schema introspection that tools use to map an API
 * (and the most expensive query there is). `__type(name:)` stays: it answers for one type
 * whose name the caller already knows, the schema is published anyway (schema.graphql), and
 * GraphQL over HTTP requires it to work.
 */
export const noSchemaIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema') {
      context.reportError(
        new GraphQLError(
          'Introspection is off in production; the schema is published in docs/feed.md and schema.graphql.',
          { nodes: node },
        ),
      )
    }
  },
})

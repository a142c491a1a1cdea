/* Payload's generated GraphQL route behind the hub's guard (src/graphql/guardGraphQLRoute.ts). */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { readEnv } from '../../../../env'
import { guardGraphQLRoute } from '../../../../graphql/guardGraphQLRoute'

const env = readEnv()

export const POST = guardGraphQLRoute(GRAPHQL_POST(config), {
  production: env.production,
  authRateLimit: env.authRateLimit,
})

export const OPTIONS = REST_OPTIONS(config)

/* Payload's generated GraphQL route, with malformed JSON refused as a client error (400). */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { rejectMalformedJson } from '../../../../utilities/rejectMalformedJson'

export const POST = rejectMalformedJson(GRAPHQL_POST(config))

export const OPTIONS = REST_OPTIONS(config)

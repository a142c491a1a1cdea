/* Payload's generated REST routes; writes behind the hub's body check (src/security/requireObjectBody.ts). */
import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { requireObjectBody } from '../../../../security/requireObjectBody'

export const GET = REST_GET(config)
export const POST = requireObjectBody(REST_POST(config))
export const DELETE = REST_DELETE(config)
export const PATCH = requireObjectBody(REST_PATCH(config))
export const PUT = requireObjectBody(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)

import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { WorkflowError } from '../errors'
import type { WorkflowCollectionOptions, WorkflowContext } from '../types'
import { performTransition } from '../utilities/performTransition'
import { readWorkflowStatus } from '../utilities/readWorkflow'
import { errorResponse } from '../utilities/respond'

const readBody = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  try {
    const body = req.json ? await req.json() : undefined
    if (body && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>
  } catch {
    // fall through to the error below
  }
  throw new WorkflowError(
    'WORKFLOW_INVALID_REQUEST',
    400,
    'Send a JSON object: { "transition": "…", "comment"?: "…", "publishAt"?: "…" }',
  )
}

/** `GET` and `POST /api/<collection>/:id/workflow`: the workflow status, and a transition. */
export const workflowEndpoints = (
  collection: CollectionSlug,
  collectionOptions: WorkflowCollectionOptions,
  context: WorkflowContext,
): Endpoint[] => [
  {
    path: '/:id/workflow',
    method: 'get',
    handler: async (req) => {
      try {
        const id = String(req.routeParams?.id)
        return Response.json(
          await readWorkflowStatus(req, collection, collectionOptions, id, context),
        )
      } catch (error) {
        return errorResponse(error)
      }
    },
  },
  {
    path: '/:id/workflow',
    method: 'post',
    handler: async (req) => {
      try {
        if (!req.user)
          throw new WorkflowError('WORKFLOW_UNAUTHENTICATED', 401, 'Sign in to change the workflow')
        const body = await readBody(req)
        const status = await performTransition(
          req,
          {
            collection,
            collectionOptions,
            id: String(req.routeParams?.id),
            transition: body.transition,
            comment: body.comment,
            publishAt: body.publishAt,
          },
          context,
        )
        return Response.json(status)
      } catch (error) {
        return errorResponse(error)
      }
    },
  },
]

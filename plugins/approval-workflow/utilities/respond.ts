import { WorkflowError } from '../errors'

/** Workflow errors and invalid documents as Payload-shaped bodies with a code; anything else is thrown on. */
export const errorResponse = (error: unknown): Response => {
  if (error instanceof WorkflowError) return Response.json(error.toBody(), { status: error.status })
  const { name, status, message } = error as { name?: string; status?: number; message?: string }
  if (name === 'ValidationError' || (typeof status === 'number' && status >= 400 && status < 500)) {
    return Response.json(
      {
        errors: [
          { code: 'WORKFLOW_INVALID_DOCUMENT', message: message ?? 'The document is not valid' },
        ],
      },
      { status: status && status < 500 ? status : 400 },
    )
  }
  throw error
}

import { APIError } from 'payload'

export type WorkflowErrorCode =
  | 'WORKFLOW_UNAUTHENTICATED'
  | 'WORKFLOW_UNKNOWN_TRANSITION'
  | 'WORKFLOW_COMMENT_REQUIRED'
  | 'WORKFLOW_INVALID_PUBLISH_AT'
  | 'WORKFLOW_INVALID_REQUEST'
  | 'WORKFLOW_FORBIDDEN'
  | 'WORKFLOW_FOUR_EYES'
  | 'WORKFLOW_NOT_FOUND'
  | 'WORKFLOW_INVALID_STATE'
  | 'WORKFLOW_CONFLICT'
  | 'WORKFLOW_PUBLISH_OUTSIDE_TRANSITION'
  | 'WORKFLOW_FIELD_OUTSIDE_TRANSITION'

/** A refused workflow step: a stable code, an HTTP status and a message for people. */
export class WorkflowError extends APIError<{ code: WorkflowErrorCode }> {
  readonly code: WorkflowErrorCode

  constructor(code: WorkflowErrorCode, status: number, message: string) {
    super(`${message} (${code})`, status, { code }, true)
    this.code = code
  }

  /** Payload's error shape with the code beside the message. */
  toBody() {
    return { errors: [{ code: this.code, message: this.message }] }
  }
}

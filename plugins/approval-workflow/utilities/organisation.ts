import type { PayloadRequest } from 'payload'

import type { ApprovalWorkflowOptions, WorkflowCollectionOptions } from '../types'

type Id = number | string

export const idOf = (value: unknown): Id | undefined => {
  if (value == null) return undefined
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && 'id' in value) return (value as { id: Id }).id
  return undefined
}

/** The organisation a document belongs to, read from the collection's organisation field. */
export const documentOrganisation = (
  doc: Record<string, unknown> | undefined,
  collection: WorkflowCollectionOptions,
): Id | undefined => (doc ? idOf(doc[collection.organisationField]) : undefined)

/** Whether `user` is a member user of the document's organisation. */
export const belongsToDocument = (
  user: PayloadRequest['user'],
  doc: Record<string, unknown> | undefined,
  collection: WorkflowCollectionOptions,
  options: ApprovalWorkflowOptions,
): boolean => {
  const organisation = options.organisationOf(user)
  const owner = documentOrganisation(doc, collection)
  return organisation !== undefined && owner !== undefined && String(organisation) === String(owner)
}

import type { PayloadRequest } from 'payload'

type Id = number | string
type Label = { de: string; en: string }

/** Who may take a transition. */
export type TransitionActor =
  /** A member user of the document's own organisation. */
  | 'organisation'
  /** An editor; admins hold every editor right. */
  | 'editor'

export type StateDefinition = {
  label: Label
}

export type TransitionDefinition<State extends string = string> = {
  name: string
  label: Label
  from: State[]
  to: State
  /** Where the transition leads instead when `publishAt` lies in the future. */
  scheduledTo?: State
  actors: TransitionActor[]
  /** The caller must give a reason. */
  commentRequired?: boolean
  /** The user who submitted the document may not take this transition (four eyes). */
  fourEyes?: boolean
  /** Who hears of it by e-mail: the editors, or the user who submitted the document. */
  notify?: NotifyTarget
}

export type NotifyTarget = 'editors' | 'submitter'

/**
 * The workflow as data: enforcement, the API answers, the admin panel and the docs are all
 * derived from it.
 */
export type WorkflowDefinition<State extends string = string> = {
  initialState: State
  /** The state whose entry makes a version public (`_status: 'published'`). */
  publishedState: State
  /** States whose entry takes the live version down (unpublish). */
  unpublishingStates: State[]
  states: Record<State, StateDefinition>
  transitions: TransitionDefinition<State>[]
  /** Who hears when a scheduled approval goes live. */
  notifyOnScheduledPublication?: NotifyTarget
}

export type WorkflowCollectionOptions = {
  /**
   * The field naming the document's organisation (`'id'` when the document is the
   * organisation itself, as for member profiles).
   */
  organisationField: string
}

export type ApprovalWorkflowOptions = {
  /** The collections under review, each with where its organisation is recorded. */
  collections: Record<string, WorkflowCollectionOptions>
  /** Whether a user is an editor (admins count as editors). */
  isEditor: (user: PayloadRequest['user']) => boolean
  /** The organisation a member user belongs to, or undefined. */
  organisationOf: (user: PayloadRequest['user']) => Id | undefined
  /** Replaces the default definition (see `defaults.ts`). */
  definition?: WorkflowDefinition
  /** Slug of the history collection; default `workflow-events`. */
  eventsSlug?: string
  /** The e-mail addresses of the editors, for notifications to `editors`. */
  editorEmails?: (req: PayloadRequest) => Promise<string[]>
  /** Slug of the users collection (for the submitter's address); default `users`. */
  usersSlug?: string
  /**
   * How often the server looks for scheduled approvals that are due (cron; seconds allowed as
   * a sixth leading field). Default: every minute.
   */
  scheduleCron?: string
  /** Keeps the fields and collection (so the schema stays) but enforces nothing. */
  disabled?: boolean
}

export type WorkflowContext = {
  definition: WorkflowDefinition
  eventsSlug: string
  options: ApprovalWorkflowOptions
}

export type WorkflowEventView = {
  transition: string
  from: string
  to: string
  user: Id | null
  comment: string | null
  /** The document version the step produced. */
  version: string | null
  at: string
}

export type WorkflowStatus = {
  state: string
  live: boolean
  transitions: string[]
  history: WorkflowEventView[]
}

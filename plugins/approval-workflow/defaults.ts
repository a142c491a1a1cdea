import type { WorkflowDefinition } from './types'

export const defaultEventsSlug = 'workflow-events'
/** Marks the plugin's own writes so that its guards let them through. */
export const transitionContextKey = 'workflowTransition'
export const workflowFieldName = 'workflow'
/** The job that publishes a scheduled approval, its queue, and the step it records. */
export const publishScheduledTaskSlug = 'workflowPublishScheduled'
export const workflowQueue = 'workflow'
export const scheduledPublicationStep = 'publish_scheduled'
export const notifyTaskSlug = 'workflowNotify'
/** The admin panel component, for Payload's import map (relative to the host's `src/`). */
export const workflowPanelPath =
  '/../plugins/approval-workflow/components/WorkflowPanel#WorkflowPanel'
export const awaitingReviewPath =
  '/../plugins/approval-workflow/components/AwaitingReview#AwaitingReview'
/** The state in which a document waits for an editor (the dashboard list). */
export const reviewState = 'in_review'

type State =
  'draft' | 'in_review' | 'changes_requested' | 'scheduled' | 'published' | 'rejected' | 'archived'

/** Drupal-style content moderation: members submit, editors decide, four eyes on approval. */
export const defaultDefinition: WorkflowDefinition<State> = {
  initialState: 'draft',
  publishedState: 'published',
  notifyOnScheduledPublication: 'submitter',
  unpublishingStates: ['archived'],
  states: {
    draft: { label: { de: 'Entwurf', en: 'Draft' } },
    in_review: { label: { de: 'In Prüfung', en: 'In review' } },
    changes_requested: { label: { de: 'Änderungen erbeten', en: 'Changes requested' } },
    scheduled: { label: { de: 'Geplant', en: 'Scheduled' } },
    published: { label: { de: 'Veröffentlicht', en: 'Published' } },
    rejected: { label: { de: 'Abgelehnt', en: 'Rejected' } },
    archived: { label: { de: 'Archiviert', en: 'Archived' } },
  },
  transitions: [
    {
      name: 'submit',
      label: { de: 'Zur Prüfung einreichen', en: 'Submit for review' },
      from: ['draft', 'changes_requested'],
      to: 'in_review',
      actors: ['organisation', 'editor'],
      notify: 'editors',
    },
    {
      name: 'request_changes',
      label: { de: 'Änderungen erbitten', en: 'Request changes' },
      from: ['in_review'],
      to: 'changes_requested',
      actors: ['editor'],
      commentRequired: true,
      notify: 'submitter',
    },
    {
      name: 'approve',
      label: { de: 'Freigeben', en: 'Approve' },
      from: ['in_review'],
      to: 'published',
      scheduledTo: 'scheduled',
      actors: ['editor'],
      fourEyes: true,
      notify: 'submitter',
    },
    {
      name: 'reject',
      label: { de: 'Ablehnen', en: 'Reject' },
      from: ['in_review'],
      to: 'rejected',
      actors: ['editor'],
      commentRequired: true,
      notify: 'submitter',
    },
    {
      name: 'archive',
      label: { de: 'Archivieren', en: 'Archive' },
      from: ['published'],
      to: 'archived',
      actors: ['editor'],
    },
    {
      name: 'restore',
      label: { de: 'Wiederherstellen', en: 'Restore' },
      from: ['rejected', 'archived'],
      to: 'draft',
      actors: ['editor'],
    },
    {
      name: 'unschedule',
      label: { de: 'Planung aufheben', en: 'Unschedule' },
      from: ['scheduled'],
      to: 'in_review',
      actors: ['editor'],
    },
  ],
}

import type { TransitionActor, WorkflowDefinition } from '../types'

const actorLabels: Record<TransitionActor, string> = {
  organisation: "member of the document's organisation",
  editor: 'editor (or admin)',
}

/**
 * `docs/workflow.md`, derived from the definition alone: the state diagram (Mermaid) and who
 * may take which transition. A test compares it with the committed file.
 */
export const renderWorkflowDoc = (definition: WorkflowDefinition): string => {
  const diagram = [
    'stateDiagram-v2',
    `    [*] --> ${definition.initialState}`,
    ...definition.transitions.flatMap((transition) => {
      const arrows = transition.from.map(
        (from) => `    ${from} --> ${transition.to}: ${transition.name}`,
      )
      if (!transition.scheduledTo) return arrows
      return [
        ...arrows,
        ...transition.from.map(
          (from) =>
            `    ${from} --> ${transition.scheduledTo}: ${transition.name} (publishAt in the future)`,
        ),
      ]
    }),
  ]
  const rows = definition.transitions.map((transition) => {
    const rules = [
      transition.commentRequired ? 'comment required' : '',
      transition.fourEyes ? 'not by the user who submitted (four eyes)' : '',
      transition.scheduledTo ? `→ ${transition.scheduledTo} when publishAt lies in the future` : '',
    ].filter(Boolean)
    return `| \`${transition.name}\` | ${transition.label.de} / ${transition.label.en} | ${transition.from.map((s) => `\`${s}\``).join(', ')} | \`${transition.to}\` | ${transition.actors.map((a) => actorLabels[a]).join('; ')} | ${rules.join('; ') || '–'} |`
  })
  const states = Object.entries(definition.states).map(([name, state]) => {
    const notes = [
      name === definition.initialState ? 'initial state' : '',
      name === definition.publishedState ? 'entering it publishes the version' : '',
      definition.unpublishingStates.includes(name) ? 'entering it takes the live version down' : '',
    ].filter(Boolean)
    return `| \`${name}\` | ${state.label.de} / ${state.label.en} | ${notes.join('; ') || '–'} |`
  })
  return [
    '<!-- Generated from plugins/approval-workflow/defaults.ts by `npm run docs:workflow`; do not edit. -->',
    '# Review workflow',
    '',
    'Members submit, editors review, only approved content goes live. Every transition goes through',
    '`POST /api/<collection>/<id>/workflow` (or the GraphQL mutation `workflowTransition`); any other',
    'write that tries to publish or to set the workflow fields is refused with 403, and edits of live',
    'content are saved as pending revisions until approved.',
    '',
    '```mermaid',
    ...diagram,
    '```',
    '',
    '## States',
    '',
    '| state | label | |',
    '|---|---|---|',
    ...states,
    '',
    '## Transitions',
    '',
    '| transition | label | from | to | who | rules |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

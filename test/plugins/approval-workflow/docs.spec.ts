import fs from 'node:fs'

import { defaultDefinition } from '../../../plugins/approval-workflow/defaults'
import { renderWorkflowDoc } from '../../../plugins/approval-workflow/docs/renderWorkflowDoc'

describe('docs/workflow.md', () => {
  it('should match the workflow definition (run `npm run docs:workflow` after changing it)', () => {
    const committed = fs.readFileSync(new URL('../../../docs/workflow.md', import.meta.url), 'utf8')
    expect(committed).toBe(renderWorkflowDoc(defaultDefinition))
  })

  it('should name every transition and state of the definition', () => {
    const doc = renderWorkflowDoc(defaultDefinition)
    for (const transition of defaultDefinition.transitions)
      expect(doc).toContain(`\`${transition.name}\``)
    for (const state of Object.keys(defaultDefinition.states)) expect(doc).toContain(`\`${state}\``)
  })
})

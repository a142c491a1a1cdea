// `npm run docs:workflow`: writes docs/workflow.md from the workflow definition.
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

import { defaultDefinition } from '../plugins/approval-workflow/defaults'
import { renderWorkflowDoc } from '../plugins/approval-workflow/docs/renderWorkflowDoc'

const target = fileURLToPath(new URL('../docs/workflow.md', import.meta.url))
fs.writeFileSync(target, renderWorkflowDoc(defaultDefinition))
console.log(`Wrote ${target}`)

// `npm test`: builds the admin app when the HTTP or browser suites need it, then runs Jest.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildIfNeeded } from './buildIfNeeded.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const selected = args.filter((arg) => !arg.startsWith('-'))
// The HTTP, browser, attack and fault suites (the feed's too, but not its webhook suite) run the production
// build; others need none.
if (
  selected.length === 0 ||
  selected.some((arg) =>
    /server|e2e|security|reliability|public-feed(\/(?!webhooks|schema|queryCount|accessRules|sqlReader)|\/?$)/.test(
      arg,
    ),
  )
)
  buildIfNeeded()

const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...args],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim(),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
)
process.exit(result.status ?? 1)

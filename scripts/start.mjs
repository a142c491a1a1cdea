// `npm start`: build when needed, then run the hub in production mode (src/server.ts).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildIfNeeded } from './buildIfNeeded.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

buildIfNeeded()

const server = spawn(
  process.execPath,
  // The condition keeps Node 20 from hanging on Lexical's top-level-await builds (PITFALLS.md).
  ['--conditions=production', '--import', 'tsx', path.join(root, 'src', 'server.ts')],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  },
)
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

// Builds the Next admin app when its sources changed since the last build (or it was never built).
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const stampFile = path.join(root, '.next', 'itnet-build-stamp')
const inputs = [
  'src',
  'collections',
  'plugins',
  'next.config.mjs',
  'tsconfig.json',
  'package-lock.json',
]
const skip = new Set(['node_modules', '.next', 'data'])

const filesUnder = (entry) => {
  const full = path.join(root, entry)
  if (!fs.existsSync(full)) return []
  if (!fs.statSync(full).isDirectory()) return [entry]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((child) => !skip.has(child.name))
    .flatMap((child) => filesUnder(path.join(entry, child.name)))
}

export const sourceHash = () => {
  const hash = crypto.createHash('sha256')
  for (const file of inputs.flatMap(filesUnder).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)))
      .update('\0')
  }
  return hash.digest('hex')
}

export const buildIfNeeded = () => {
  const hash = sourceHash()
  const built =
    fs.existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === hash
  if (built) return false
  console.log('Building the admin app (next build, about a minute)…')
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (result.status !== 0) {
    console.error('next build failed')
    process.exit(result.status ?? 1)
  }
  fs.writeFileSync(stampFile, hash)
  return true
}

if (process.argv[1] === new URL(import.meta.url).pathname) buildIfNeeded()

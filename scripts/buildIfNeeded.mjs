// Builds the Next admin app when its sources changed since the last build (or it was never
// built); `--force` always builds. The stamp lets `npm start` and `npm test` skip a fresh build.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
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

const sourceHash = () => {
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

export const build = () => {
  const hash = sourceHash()
  console.log('Building the admin app (next build, about a minute)…')
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NODE_OPTIONS: '--no-deprecation --max-old-space-size=4096',
      },
    },
  )
  if (result.status !== 0) {
    console.error('next build failed')
    process.exit(result.status ?? 1)
  }
  fs.writeFileSync(stampFile, hash)
}

// Outside .next, which next build empties.
const lockFile = path.join(root, 'node_modules', '.cache', 'itnet-build.lock')
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
const isAlive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** One build at a time: parallel test workers and servers wait for the one that runs. */
const withBuildLock = (work) => {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true })
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
      break
    } catch {
      const holder = Number(fs.readFileSync(lockFile, 'utf8'))
      if (!holder || !isAlive(holder)) fs.rmSync(lockFile, { force: true })
      else sleep(1000)
    }
  }
  try {
    return work()
  } finally {
    fs.rmSync(lockFile, { force: true })
  }
}

const isBuilt = () =>
  fs.existsSync(path.join(root, '.next', 'BUILD_ID')) &&
  fs.existsSync(stampFile) &&
  fs.readFileSync(stampFile, 'utf8') === sourceHash()

export const buildIfNeeded = () =>
  withBuildLock(() => {
    if (!isBuilt()) build()
  })

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--force')) withBuildLock(build)
  else buildIfNeeded()
}

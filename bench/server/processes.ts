import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { feedPath } from '../drive/queries'
import { cpuMsOf, memoryOf } from '../measure/proc'
import { benchRoot, projectRoot, serverEnv, tmpDir } from '../paths'

export type ServerProcess = {
  name: string
  pid: number
  origin: string
  /** Spawn → first successful answer on `readyPath`. */
  bootMs: number
  /** The bench probe's port (hub servers only): statement recording and CPU profiles. */
  controlPort?: number
  memory: () => { rss_mb: number; peak_rss_mb: number } | undefined
  cpuMs: () => number
  stop: () => Promise<void>
}

export const hasTaskset = spawnSync('taskset', ['-V']).status === 0

/** Pins a running process, all its threads, to one CPU (no-op without taskset). */
export const pin = (pid: number | undefined, cpu: number | undefined) => {
  if (pid === undefined || cpu === undefined || !hasTaskset) return
  spawnSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' })
}

const logFile = (name: string) => {
  const dir = path.join(tmpDir, 'logs')
  fs.mkdirSync(dir, { recursive: true })
  return fs.openSync(path.join(dir, `${name}.log`), 'w')
}

/** Children still running, killed if the runner dies (a crash must not leave servers behind). */
const running = new Set<ChildProcess>()
const killAll = () => {
  for (const child of running) child.kill('SIGKILL')
}
process.once('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench: stopped by ${signal}; its servers are stopped too`)
    killAll()
    process.exit(130)
  })
}

const portIsFree = async (port: number): Promise<boolean> => {
  const { createServer } = await import('node:net')
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

const waitForAnswer = async (child: ChildProcess, url: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} (${url})`)
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`)
}

const launch = async (
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath: string,
  controlPort?: number,
): Promise<ServerProcess> => {
  for (const used of [port, controlPort]) {
    if (used !== undefined && !(await portIsFree(used))) {
      throw new Error(`port ${used} is in use: is an earlier bench server still running?`)
    }
  }
  const log = logFile(name)
  const started = performance.now()
  // Started on all cores (start-up is not what is measured under load); pinned once ready.
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env,
    stdio: ['ignore', log, log],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  const origin = `http://127.0.0.1:${port}`
  try {
    await waitForAnswer(child, `${origin}${readyPath}`, 120_000)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}; see ${path.join(tmpDir, 'logs', `${name}.log`)}`)
  }
  const bootMs = performance.now() - started
  const pid = child.pid!
  return {
    name,
    pid,
    origin,
    bootMs,
    controlPort,
    memory: () => memoryOf(pid),
    cpuMs: () => cpuMsOf(pid),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const gone = new Promise((resolve) => child.once('exit', resolve))
      // SIGTERM: the hub shuts down gracefully.
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await gone
      clearTimeout(timer)
    },
  }
}

export type HubOptions = {
  name: string
  databaseUri: string
  port: number
  responseCache: boolean
}

/** The hub as `npm start` runs it (production build, src/server.ts), plus the bench probe (probe.ts). */
export const startHub = (options: HubOptions): Promise<ServerProcess> => {
  const controlPort = options.port + 1000
  const args = [
    '--conditions=production',
    '--import',
    'tsx',
    '--import',
    pathToFileURL(path.join(benchRoot, 'server', 'probe.ts')).href,
    path.join(projectRoot, 'src', 'server.ts'),
  ]
  const env = serverEnv({
    DATABASE_URI: options.databaseUri,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    FEED_RESPONSE_CACHE: String(options.responseCache),
    // The benchmark's one client address would hit the feed's per-address limit at once.
    FEED_RATE_LIMIT: '100000000',
    BENCH_CONTROL_PORT: String(controlPort),
  })
  return launch(options.name, args, env, options.port, feedPath(20), controlPort)
}

/** The `raw` ceiling: a bare node:http handler on the same driver (rawServer.ts). */
export const startRaw = (options: { databaseUri: string; port: number }): Promise<ServerProcess> =>
  launch(
    'raw',
    ['--import', 'tsx', path.join(benchRoot, 'server', 'rawServer.ts')],
    serverEnv({ DATABASE_URI: options.databaseUri, PORT: String(options.port) }),
    options.port,
    '/raw?first=20',
  )

import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

export type RunningServer = {
  url: string
  child: ChildProcess
  output: () => string
  /** Sends `signal` and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

/**
 * Starts the hub the way `npm start` does (scripts/start.mjs: production mode, the built
 * app) on a free port and waits until it listens. `env` may be a function of the chosen port
 * (for variables that name the server itself, such as SERVER_URL).
 */
export const startServer = async (
  env: Record<string, string> | ((port: number) => Record<string, string>),
): Promise<RunningServer> => {
  const port = await freePort()
  const extraEnv = typeof env === 'function' ? env(port) : env
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      MEDIA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'itnet-media-')),
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000)
    const check = () => {
      if (output.includes('listening on')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', check)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${output}`))
    })
  })

  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal)
      return exited
    },
  }
}

const entryPoints = { server: ['src', 'server.ts'], seed: ['src', 'seed', 'run.ts'] }

/**
 * Runs `src/server.ts` (or another entry point: `seed` is `npm run seed`) directly, no build
 * needed, and resolves with its exit code and output.
 */
export const runServerUntilExit = (
  env: Record<string, string>,
  timeoutMs = 60_000,
  entry: keyof typeof entryPoints = 'server',
) =>
  new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', path.join(root, ...entryPoints[entry])],
      {
        cwd: root,
        env: { ...process.env, NODE_OPTIONS: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not exit within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })

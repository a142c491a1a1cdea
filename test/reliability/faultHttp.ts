import fs from 'node:fs'
import http from 'node:http'

export type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export type Outcome = {
  method: string
  path: string
  /** Undefined when no answer came (then `error` says why). */
  status?: number
  body?: string
  headers?: http.IncomingHttpHeaders
  error?: string
  ms: number
}

/**
 * One request on a connection of its own (no keep-alive), so that a refused connection can
 * be told apart from an accepted request that was dropped.
 */
export const request = (
  baseUrl: string,
  method: string,
  path: string,
  { body, token, timeoutMs = 10_000 }: { body?: unknown; token?: string; timeoutMs?: number } = {},
): Promise<Outcome> =>
  new Promise((resolve) => {
    const started = performance.now()
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const done = (outcome: Omit<Outcome, 'method' | 'path' | 'ms'>) =>
      resolve({ method, path, ms: performance.now() - started, ...outcome })
    const req = http.request(`${baseUrl}${path}`, {
      method,
      agent: false,
      timeout: timeoutMs,
      headers: {
        connection: 'close',
        ...(payload ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })))
    req.on('error', (error: NodeJS.ErrnoException) => done({ error: error.code ?? error.message }))
    req.on('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('error', (error: NodeJS.ErrnoException) =>
        done({ status: res.statusCode, error: `body: ${error.code ?? error.message}` }),
      )
      res.on('end', () => done({ status: res.statusCode, body: text, headers: res.headers }))
    })
    req.end(payload)
  })

export const login = async (baseUrl: string, email: string, password: string): Promise<string> => {
  const outcome = await request(baseUrl, 'POST', '/api/users/login', {
    body: { email, password },
  })
  if (outcome.status !== 200) throw new Error(`login ${email}: ${outcome.status} ${outcome.body}`)
  return (JSON.parse(outcome.body!) as Json).token as string
}

/** The hub's own node process: `startServer` spawns scripts/start.mjs, which spawns it. */
export const serverPid = (launcherPid: number): number => {
  const children = fs
    .readFileSync(`/proc/${launcherPid}/task/${launcherPid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
  return Number(children[0])
}

/** Resident memory of a process in MB (VmRSS; VmHWM for the peak). */
export const memoryMb = (pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1])
  return Math.round(kb / 1024)
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const report = (line: string) => console.log(`[reliability] ${line}`)

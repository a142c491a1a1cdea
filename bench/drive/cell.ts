import autocannon from 'autocannon'

import os from 'node:os'

import { machineBusyMs, postgresCpuMs } from '../measure/proc'
import type { ServerProcess } from '../server/processes'

/** One HTTP request of a variant, and the status its answers must have. */
export type Target = {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
  expectStatus: number
}

export type CellResult = {
  rps: number
  p50_ms: number
  p99_ms: number
  /** Socket errors, timeouts and answers with another status than expected. */
  errors: number
  requests: number
  /** Average bytes per response on the wire (headers and body), as autocannon counts them. */
  wire_bytes: number
  rss_mb: number | null
  cpu_ms_per_request: number | null
  /** PostgreSQL's own CPU per request (all its processes; null with SQLite, which runs inside the server). */
  db_cpu_ms_per_request: number | null
  /**
   * CPU the rest of the machine used meanwhile (neither the server, nor PostgreSQL, nor the
   * load generator), in % of all cores: other work on the machine disturbs the figures.
   */
  other_cpu_pct: number | null
}

type AutocannonResult = {
  duration: number
  errors: number
  timeouts: number
  requests: { total: number }
  latency: { p50: number; p99: number }
  throughput: { total: number }
  statusCodeStats: Record<string, { count: number }>
}

const fire = (url: string, target: Target, connections: number, seconds: number) =>
  new Promise<AutocannonResult>((resolve, reject) => {
    autocannon(
      {
        url,
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections,
        duration: seconds,
        // Longer than any cell: a slow answer is waited for, never sent again meanwhile (a
        // resent request would queue behind the first on a busy server).
        timeout: 120,
      },
      (error: Error | null, result: AutocannonResult) => (error ? reject(error) : resolve(result)),
    )
  })

/**
 * Waits until the server has finished what the last cell left in flight (its CPU is idle for
 * half a second), at most `maxSeconds`; returns the seconds waited.
 */
export const settle = async (server: ServerProcess, maxSeconds: number): Promise<number> => {
  const started = performance.now()
  while (performance.now() - started < maxSeconds * 1000) {
    const before = server.cpuMs()
    await new Promise((resolve) => setTimeout(resolve, 500))
    if (!(server.cpuMs() - before > 25)) break
  }
  return (performance.now() - started) / 1000
}

/** One request at a time: the latency of a single answer with nothing queued, in ms. */
export const singleRequestMs = async (server: ServerProcess, target: Target): Promise<number> => {
  const once = async () => {
    const started = performance.now()
    const response = await fetch(`${server.origin}${target.path}`, {
      method: target.method,
      headers: target.headers,
      body: target.body,
    })
    await response.arrayBuffer()
    return performance.now() - started
  }
  const first = await once()
  // A slow answer is not asked for three times.
  if (first > 1000) return first
  const times = [first, await once(), await once()].sort((a, b) => a - b)
  return times[1]
}

/**
 * A closed-loop run against one server: a short warm-up (discarded), then the measured run.
 * The server's RSS is read at the end; its CPU time is divided by the requests served.
 */
export const runCell = async (
  server: ServerProcess,
  target: Target,
  {
    connections,
    seconds,
    warmupSeconds,
    postgres = false,
  }: { connections: number; seconds: number; warmupSeconds: number; postgres?: boolean },
): Promise<CellResult> => {
  const url = `${server.origin}${target.path}`
  if (warmupSeconds > 0) await fire(url, target, connections, warmupSeconds)
  const cpuBefore = server.cpuMs()
  const busyBefore = machineBusyMs()
  const selfBefore = process.cpuUsage()
  const databaseBefore = postgres ? postgresCpuMs() : 0
  const result = await fire(url, target, connections, seconds)
  const cpu = server.cpuMs() - cpuBefore
  const self = process.cpuUsage(selfBefore)
  const database = postgres ? postgresCpuMs() - databaseBefore : 0
  const other = machineBusyMs() - busyBefore - cpu - database - (self.user + self.system) / 1000
  const total = result.requests.total
  // No answer within the cell: no latency to report (and the rate is zero).
  if (total === 0) {
    result.latency = { p50: NaN, p99: NaN }
  }
  const expected = result.statusCodeStats[String(target.expectStatus)]?.count ?? 0
  const answered = Object.values(result.statusCodeStats).reduce((sum, stat) => sum + stat.count, 0)
  return {
    rps: total / result.duration,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    // autocannon counts a timeout among its errors too.
    errors: result.errors + (answered - expected),
    requests: total,
    wire_bytes: total ? result.throughput.total / total : 0,
    rss_mb: server.memory()?.rss_mb ?? null,
    cpu_ms_per_request: Number.isFinite(cpu) && total ? cpu / total : null,
    db_cpu_ms_per_request: postgres && total ? database / total : null,
    other_cpu_pct: Number.isFinite(other)
      ? Math.max(0, (100 * other) / (result.duration * 1000 * os.cpus().length))
      : null,
  }
}

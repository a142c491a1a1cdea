import type { ServerProcess } from '../server/processes'
import type { Target } from './cell'
import { fetchOnce } from './variants'

/**
 * Statements of the hub's own timers, not of a request: the feed's revision poll (every
 * 250 ms) and the jobs queue (every minute). They are counted apart.
 */
const background = /\b(feed_revision|payload_jobs)\b/

export type QueryCount = {
  /** Statements per request, background excluded. */
  per_request: number
  /** Background statements seen meanwhile (not in `per_request`). */
  background: number
  /** The statements of one request, shortened: what the count is made of. */
  sample: string[]
}

const control = async (server: ServerProcess, action: string) => {
  const response = await fetch(`http://127.0.0.1:${server.controlPort}/record/${action}`)
  return (await response.json()) as { statements?: string[] }
}

const shorten = (statement: string) => statement.replace(/\s+/g, ' ').slice(0, 160)

/** Sends `requests` requests one after another while the driver's statements are recorded. */
export const countQueries = async (
  server: ServerProcess,
  target: Target,
  requests: number,
): Promise<QueryCount> => {
  // Warm: the first request may build caches (schema, prepared documents).
  await fetchOnce(server.origin, target)
  await control(server, 'start')
  await fetchOnce(server.origin, target)
  const one = (await control(server, 'stop')).statements ?? []
  await control(server, 'start')
  for (let i = 0; i < requests; i++) {
    const answer = await fetchOnce(server.origin, target)
    if (answer.status !== target.expectStatus) {
      await control(server, 'stop')
      throw new Error(`${target.path}: status ${answer.status} while counting queries`)
    }
  }
  const all = (await control(server, 'stop')).statements ?? []
  const own = all.filter((statement) => !background.test(statement))
  return {
    per_request: own.length / requests,
    background: all.length - own.length,
    sample: one.filter((statement) => !background.test(statement)).map(shorten),
  }
}

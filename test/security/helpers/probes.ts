import { leakedMarkers, type Reply } from './hub'

export type Finding = { door: string; status: number; detail: string }

/**
 * Runs many requests and records, per door, a server error or a marker found in the raw body.
 * The test then expects both lists to be empty, so a failure names every door that leaked.
 */
export const probeLog = (markers: string[]) => {
  const leaks: Finding[] = []
  const serverErrors: Finding[] = []
  let tried = 0
  const check = (door: string, reply: Reply) => {
    tried += 1
    if (reply.status >= 500) {
      serverErrors.push({ door, status: reply.status, detail: reply.text.slice(0, 300) })
    }
    const found = leakedMarkers(reply.text, markers)
    if (found.length > 0) leaks.push({ door, status: reply.status, detail: found.join(', ') })
    return reply
  }
  return {
    check,
    leaks,
    serverErrors,
    get tried() {
      return tried
    },
  }
}

/** GraphQL answers errors with 200: an internal error shows as its code, not its status. */
export const graphqlInternalErrors = (reply: Reply): string[] =>
  ((reply.json?.errors as Array<{ message?: string; extensions?: { code?: string } }>) ?? [])
    .filter(
      (error) =>
        error.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
        /something went wrong|internal server error/i.test(error.message ?? ''),
    )
    .map((error) => `${error.extensions?.code ?? ''} ${error.message ?? ''}`)

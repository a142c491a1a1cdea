// Preloaded (`--import`) into the hub servers the bench starts, never into production: counts
// the statements Payload's database driver sends, at the driver, and answers on its own
// loopback port (BENCH_CONTROL_PORT), so the hub's routes stay exactly as they are.
//   GET  /count         → { total }  statements since start
//   POST /record/start  → begin keeping the statements' SQL text
//   POST /record/stop   → { statements: string[] } and stop keeping them
import http from 'node:http'
import { createRequire } from 'node:module'

const port = Number(process.env.BENCH_CONTROL_PORT ?? 0)

type Method = (...args: unknown[]) => unknown

const textOf = (statement: unknown): string =>
  typeof statement === 'string'
    ? statement
    : String((statement as { sql?: string; text?: string } | null)?.sql ??
        (statement as { text?: string } | null)?.text ?? '')

if (port) {
  let total = 0
  let recording: string[] | undefined
  const seen = (statement: unknown) => {
    total += 1
    recording?.push(textOf(statement))
  }
  const wrap = (target: Record<string, Method>, name: string, count: (args: unknown[]) => void) => {
    const original = target[name]
    if (typeof original !== 'function') return
    target[name] = function (this: unknown, ...args: unknown[]) {
      count(args)
      return original.apply(this, args)
    }
  }

  // SQLite: libSQL's client and its transactions (execute, batch, executeMultiple).
  const libsql = (await import('@libsql/client/sqlite3')) as unknown as Record<
    string,
    { prototype: Record<string, Method> }
  >
  for (const owner of [libsql.Sqlite3Client, libsql.Sqlite3Transaction]) {
    wrap(owner.prototype, 'execute', ([statement]) => seen(statement))
    wrap(owner.prototype, 'batch', ([statements]) => (statements as unknown[]).forEach(seen))
    wrap(owner.prototype, 'executeMultiple', ([text]) => seen(text))
  }

  // PostgreSQL: every query of the pool goes through a client's `query`. The adapter keeps its
  // own copy of `pg`: patch that one.
  const adapter = createRequire(createRequire(import.meta.url).resolve('@payloadcms/db-postgres'))
  const pg = adapter('pg') as { Client: { prototype: Record<string, Method> } }
  wrap(pg.Client.prototype, 'query', ([config]) => seen(config))

  const server = http.createServer((req, res) => {
    const answer = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.url === '/count') return answer({ total })
    if (req.url === '/record/start') {
      recording = []
      return answer({ total })
    }
    if (req.url === '/record/stop') {
      const statements = recording ?? []
      recording = undefined
      return answer({ total, statements })
    }
    res.writeHead(404).end()
  })
  server.listen(port, '127.0.0.1')
  // Never the reason the hub stays up.
  server.unref()
}

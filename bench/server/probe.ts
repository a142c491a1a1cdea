// Preloaded (`--import`) into the hub servers the bench starts, never into production. It
// answers on its own loopback port (BENCH_CONTROL_PORT), so the hub's routes stay as they are:
//   GET /record/start  begin keeping the SQL of every statement Payload's driver sends
//   GET /record/stop   → { statements: string[] } and stop keeping them
//   GET /profile/start start V8's CPU profiler (the one behind --cpu-prof)
//   GET /profile/stop?file=…  stop it and write the .cpuprofile there
// Statements are counted at the driver: libSQL's client and transactions for SQLite, pg's
// Client.query for PostgreSQL (every pool query goes through it).
import fs from 'node:fs'
import http from 'node:http'
import inspector from 'node:inspector'
import { createRequire } from 'node:module'

const port = Number(process.env.BENCH_CONTROL_PORT ?? 0)

type Method = (...args: unknown[]) => unknown

const textOf = (statement: unknown): string => {
  if (typeof statement === 'string') return statement
  const object = statement as { sql?: string; text?: string } | null
  return String(object?.sql ?? object?.text ?? '')
}

const wrap = (target: Record<string, Method>, name: string, count: (args: unknown[]) => void) => {
  const original = target[name]
  if (typeof original !== 'function') return
  target[name] = function (this: unknown, ...args: unknown[]) {
    count(args)
    return original.apply(this, args)
  }
}

if (port) {
  // Off between recordings: one comparison per statement.
  let recording: string[] | undefined
  const seen = (statement: unknown) => recording?.push(textOf(statement))

  const libsql = (await import('@libsql/client/sqlite3')) as unknown as Record<
    string,
    { prototype: Record<string, Method> }
  >
  for (const owner of [libsql.Sqlite3Client, libsql.Sqlite3Transaction]) {
    wrap(owner.prototype, 'execute', ([statement]) => seen(statement))
    wrap(owner.prototype, 'batch', ([statements]) => (statements as unknown[]).forEach(seen))
    wrap(owner.prototype, 'executeMultiple', ([text]) => seen(text))
  }
  // The adapter keeps its own copy of `pg`: patch that one.
  const adapter = createRequire(createRequire(import.meta.url).resolve('@payloadcms/db-postgres'))
  const pg = adapter('pg') as { Client: { prototype: Record<string, Method> } }
  wrap(pg.Client.prototype, 'query', ([config]) => seen(config))

  const session = new inspector.Session()
  session.connect()
  const post = (method: string, params?: object) =>
    new Promise<Record<string, unknown>>((resolve, reject) =>
      session.post(method, params, (error, result) =>
        error ? reject(error) : resolve(result as Record<string, unknown>),
      ),
    )

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://probe')
    const answer = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    try {
      switch (url.pathname) {
        case '/record/start':
          recording = []
          return answer({})
        case '/record/stop': {
          const statements = recording ?? []
          recording = undefined
          return answer({ statements })
        }
        case '/profile/start':
          await post('Profiler.enable')
          await post('Profiler.start')
          return answer({})
        case '/profile/stop': {
          const { profile } = await post('Profiler.stop')
          fs.writeFileSync(url.searchParams.get('file')!, JSON.stringify(profile))
          return answer({})
        }
        default:
          return answer({ error: 'unknown' }, 404)
      }
    } catch (error) {
      answer({ error: String(error) }, 500)
    }
  })
  server.listen(port, '127.0.0.1')
  // Never the reason the hub stays up.
  server.unref()
}

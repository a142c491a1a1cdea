// The `raw` ceiling: a bare node:http server answering the feed's query ("the N newest
// published projects with their participants") with the fewest statements, on the driver
// Payload's adapter uses, and JSON.stringify. Same JSON as the feed; no framework, no GraphQL.
import http from 'node:http'

import { createClient } from '@libsql/client'

import { pg } from '../dataset/databases'

type Row = Record<string, unknown>
type Query = (text: string, values: unknown[]) => Promise<Row[]>

const uri = process.env.DATABASE_URI ?? ''
const port = Number(process.env.PORT ?? 3999)

const connect = (): { query: Query; list: (ids: unknown[], offset: number) => string } => {
  if (uri.startsWith('file:')) {
    const client = createClient({ url: uri })
    return {
      query: async (sql, args) => (await client.execute({ sql, args: args as never })).rows,
      list: (ids) => ids.map(() => '?').join(', '),
    }
  }
  // As many connections as Payload's pool (pg's default of 10).
  const pool = new pg.Pool({ connectionString: uri })
  return {
    query: async (text, values) => (await pool.query(text, values)).rows,
    list: (ids, offset) => ids.map((_, index) => `$${index + offset}`).join(', '),
  }
}

const db = connect()
const postgres = !uri.startsWith('file:')
const param = (index: number) => (postgres ? `$${index}` : '?')

// The ceiling follows the schema's indexes: the page walks the state+order index
// (`_status`, `published_at`), translations come by the unique (`_locale`, `_parent_id`) index,
// participants by `parent_id` (the relation path is checked here, so no other index competes).

// 1. The page: published projects, newest first (id breaks ties, as in the feed).
const pageSql = `SELECT p.id, p.slug, l.title
  FROM (SELECT id, slug, published_at FROM projects p
        WHERE p._status = 'published'
        ORDER BY p.published_at DESC, p.id DESC
        LIMIT ${param(1)}) p
  LEFT JOIN projects_locales l ON l._locale = 'de' AND l._parent_id = p.id
  ORDER BY p.published_at DESC, p.id DESC`

// 2. Their participants in order, with the published member or the partner they point to.
const participantsSql = (list: string) => `SELECT r.parent_id, r.path, r.members_id, r.partners_id,
    m.slug AS member_slug, m.name AS member_name, pa.slug AS partner_slug, pa.name AS partner_name
  FROM projects_rels r
  LEFT JOIN members m ON m.id = r.members_id AND m._status = 'published'
  LEFT JOIN partners pa ON pa.id = r.partners_id
  WHERE r.parent_id IN (${list})
  ORDER BY r.parent_id, r."order"`

type Participant = { __typename: 'Member' | 'Partner'; slug: unknown; name: unknown }

const newestProjects = async (first: number): Promise<string> => {
  const page = await db.query(pageSql, [first])
  const ids = page.map((row) => row.id)
  const participants = new Map<string, Participant[]>()
  if (ids.length) {
    for (const row of await db.query(participantsSql(db.list(ids, 1)), ids)) {
      if (row.path !== 'participants') continue
      let entry: Participant | undefined
      if (row.members_id !== null && row.member_slug !== null) {
        entry = { __typename: 'Member', slug: row.member_slug, name: row.member_name }
      } else if (row.partners_id !== null && row.partner_slug !== null) {
        entry = { __typename: 'Partner', slug: row.partner_slug, name: row.partner_name }
      }
      if (!entry) continue
      const key = String(row.parent_id)
      const list = participants.get(key)
      if (list) list.push(entry)
      else participants.set(key, [entry])
    }
  }
  return JSON.stringify({
    data: {
      projects: {
        edges: page.map((row) => ({
          node: {
            slug: row.slug,
            title: row.title,
            participants: participants.get(String(row.id)) ?? [],
          },
        })),
      },
    },
  })
}

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://raw')
    if (url.pathname !== '/raw') {
      res.writeHead(404).end()
      return
    }
    const first = Math.min(100, Math.max(0, Number(url.searchParams.get('first') ?? 20)))
    newestProjects(first).then(
      (body) => {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        })
        res.end(body)
      },
      (error: unknown) => {
        console.error(error)
        res.writeHead(500).end()
      },
    )
  })
  .listen(port, '127.0.0.1')

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0))

import { getTableName } from 'drizzle-orm'
import type { CollectionSlug, FlattenedField, Payload, Where } from 'payload'

/** A query this reader does not translate; the caller falls back to the adapter's `find`. */
export class UnsupportedQuery extends Error {}

type Row = Record<string, unknown>
export type SqlDoc = Row & { id: number | string }
/** Drizzle's table objects as the adapter defines them: JS key → column (with its SQL name). */
type Table = Record<string, { name: string }>

type SqlAdapter = {
  dialect: 'sqlite' | 'postgres'
  tables: Record<string, Table>
  run: (text: string, values: unknown[]) => Promise<Row[]>
}

const adapters = new WeakMap<Payload, SqlAdapter | null>()

/**
 * SQLite and PostgreSQL get the direct path (the same driver and pool the adapter uses);
 * other adapters (MongoDB) keep the adapter's `find`.
 */
export const sqlAdapterOf = (payload: Payload): SqlAdapter | undefined => {
  if (!adapters.has(payload)) {
    const db = payload.db as unknown as {
      name: string
      tables?: Record<string, Table>
      client?: { execute: (statement: { sql: string; args: unknown[] }) => Promise<{ rows: Row[] }> }
      pool?: { query: (text: string, values: unknown[]) => Promise<{ rows: Row[] }> }
    }
    let adapter: SqlAdapter | null = null
    if (db.name === 'sqlite' && db.client && db.tables) {
      const client = db.client
      adapter = {
        dialect: 'sqlite',
        tables: db.tables,
        run: async (sql, args) => (await client.execute({ sql, args })).rows,
      }
    } else if (db.name === 'postgres' && db.pool && db.tables) {
      const pool = db.pool
      adapter = {
        dialect: 'postgres',
        tables: db.tables,
        run: async (text, values) => (await pool.query(text, values)).rows,
      }
    }
    adapters.set(payload, adapter)
  }
  return adapters.get(payload) ?? undefined
}

const snake = (name: string) =>
  name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`).replace(/-/g, '_')
const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`

type Kind = 'column' | 'group' | 'localized' | 'rels' | 'options'

type Context = {
  adapter: SqlAdapter
  collection: string
  table: Table
  tableName: string
  fields: Map<string, FlattenedField>
}

const contexts = new WeakMap<Payload, Map<string, Context>>()

const contextOf = (payload: Payload, adapter: SqlAdapter, collection: string): Context => {
  let byCollection = contexts.get(payload)
  if (!byCollection) contexts.set(payload, (byCollection = new Map()))
  let context = byCollection.get(collection)
  if (!context) {
    const table = adapter.tables[snake(collection)]
    const config = payload.collections[collection as CollectionSlug]?.config
    if (!table || !config) throw new UnsupportedQuery(`no table for ${collection}`)
    context = {
      adapter,
      collection,
      table,
      tableName: getTableName(table as never),
      fields: new Map(config.flattenedFields.map((field) => [field.name, field])),
    }
    byCollection.set(collection, context)
  }
  return context
}

const tableOf = (context: Context, suffix: string): { table: Table; name: string } => {
  const table = context.adapter.tables[`${snake(context.collection)}_${suffix}`]
  if (!table) throw new UnsupportedQuery(`no table ${context.collection}_${suffix}`)
  return { table, name: getTableName(table as never) }
}

/** Where a field's values are stored in Payload's SQL schema. */
const kindOf = (context: Context, name: string): Kind => {
  if (name === 'id' || name === '_status') return 'column'
  const field = context.fields.get(name)
  if (!field) throw new UnsupportedQuery(`unknown field ${name}`)
  if (field.localized) {
    if (['text', 'textarea', 'richText'].includes(field.type)) return 'localized'
    throw new UnsupportedQuery(`localized ${field.type} ${name}`)
  }
  if (field.type === 'group') return 'group'
  if (field.type === 'select' && field.hasMany) return 'options'
  if (field.type === 'relationship' || field.type === 'upload') {
    return field.hasMany || Array.isArray(field.relationTo) ? 'rels' : 'column'
  }
  if (['text', 'textarea', 'select', 'date', 'number', 'checkbox', 'email'].includes(field.type)) {
    return 'column'
  }
  throw new UnsupportedQuery(`${field.type} ${name}`)
}

const columnName = (table: Table, key: string): string => {
  const column = table[key]
  if (!column?.name) throw new UnsupportedQuery(`no column ${key}`)
  return column.name
}

/** Collects parameters in the dialect's placeholder style. */
class Parameters {
  readonly values: unknown[] = []
  constructor(private readonly dialect: SqlAdapter['dialect']) {}
  add(value: unknown): string {
    this.values.push(typeof value === 'boolean' && this.dialect === 'sqlite' ? Number(value) : value)
    return this.dialect === 'sqlite' ? '?' : `$${this.values.length}`
  }
  list(values: unknown[]): string {
    return values.map((value) => this.add(value)).join(', ')
  }
}

const comparisons: Record<string, string> = {
  less_than: '<',
  less_than_equal: '<=',
  greater_than: '>',
  greater_than_equal: '>=',
}

const compare = (target: string, operator: string, operand: unknown, params: Parameters) => {
  switch (operator) {
    case 'equals':
      return operand === null ? `${target} is null` : `${target} = ${params.add(operand)}`
    case 'not_equals':
      return operand === null
        ? `${target} is not null`
        : `(${target} is null or ${target} <> ${params.add(operand)})`
    case 'in':
      return (operand as unknown[]).length
        ? `${target} in (${params.list(operand as unknown[])})`
        : '1 = 0'
    case 'not_in':
      return (operand as unknown[]).length
        ? `${target} not in (${params.list(operand as unknown[])})`
        : '1 = 1'
    case 'exists':
      return operand ? `${target} is not null` : `${target} is null`
    default:
      if (comparisons[operator]) return `${target} ${comparisons[operator]} ${params.add(operand)}`
      throw new UnsupportedQuery(`operator ${operator}`)
  }
}

const fieldCondition = (
  context: Context,
  alias: string,
  name: string,
  operator: string,
  operand: unknown,
  params: Parameters,
): string => {
  const kind = kindOf(context, name)
  const id = `${alias}."id"`
  if (kind === 'column') {
    const column = `${alias}.${quote(columnName(context.table, name))}`
    // Reads by id or by parent: SQLite, without statistics, would rather walk the whole
    // state index than the selective one; `+` takes the state out of its choice.
    const target =
      name === '_status' && alias === 'd' && context.adapter.dialect === 'sqlite'
        ? `+${column}`
        : column
    return compare(target, operator, operand, params)
  }
  if (kind === 'options' && (operator === 'in' || operator === 'equals')) {
    const options = tableOf(context, snake(name))
    const values = Array.isArray(operand) ? operand : [operand]
    return `exists (select 1 from ${quote(options.name)} o where o."parent_id" = ${id} and ${compare('o."value"', 'in', values, params)})`
  }
  if (kind === 'rels' && operator === 'equals' && typeof operand === 'object' && operand) {
    // A polymorphic reference: one row must hold both halves.
    const { relationTo, value } = operand as { relationTo?: string; value?: unknown }
    const rels = tableOf(context, 'rels')
    const target = relationTo ? rels.table[`${relationTo}ID`] : undefined
    if (!target) throw new UnsupportedQuery(`reference to ${relationTo}`)
    return `exists (select 1 from ${quote(rels.name)} r where r."parent_id" = ${id} and r."path" = ${params.add(name)} and r.${quote(target.name)} = ${params.add(value)})`
  }
  throw new UnsupportedQuery(`${operator} on ${name}`)
}

/** Payload's `Where`, for the operators and fields the feed uses; anything else is refused. */
const condition = (
  context: Context,
  alias: string,
  where: Where,
  params: Parameters,
): string | undefined => {
  const parts: string[] = []
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const inner = (value as Where[])
        .map((part) => condition(context, alias, part, params))
        .filter((part): part is string => part !== undefined)
      if (inner.length) parts.push(`(${inner.join(key === 'and' ? ' and ' : ' or ')})`)
      continue
    }
    for (const [operator, operand] of Object.entries(value as Record<string, unknown>)) {
      parts.push(fieldCondition(context, alias, key, operator, operand, params))
    }
  }
  return parts.length ? parts.join(' and ') : undefined
}

/**
 * ORDER BY for `sort`. `sortOnly` marks the outer query, which holds just the chosen rows:
 * on SQLite a unary `+` keeps the planner from walking a whole index to avoid sorting them
 * (without statistics it would, and scan every row of the table).
 */
const orderBy = (context: Context, sort: string[], alias: string, sortOnly = false) =>
  sort
    .map((key) => {
      const name = key.replace(/^-/, '')
      if (kindOf(context, name) !== 'column') throw new UnsupportedQuery(`sort by ${name}`)
      const target = `${alias}.${quote(columnName(context.table, name))}`
      const expression = sortOnly && context.adapter.dialect === 'sqlite' ? `+${target}` : target
      return `${expression} ${key.startsWith('-') ? 'desc' : 'asc'}`
    })
    .join(', ')

/** A stored value as Payload's `find` gives it (ISO dates, booleans, parsed rich text). */
const readValue = (field: FlattenedField | undefined, value: unknown): unknown => {
  if (value === undefined || value === null) return null
  switch (field?.type) {
    case 'date':
      return new Date(value as string).toISOString()
    case 'checkbox':
      return Boolean(value)
    case 'number':
      // PostgreSQL's numeric arrives as text.
      return Number(value)
    case 'richText':
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value
    default:
      return value
  }
}

type GroupField = FlattenedField & { flattenedFields: FlattenedField[] }

const localeCodes = (payload: Payload): string[] => {
  const localization = payload.config.localization
  return localization ? localization.localeCodes : []
}

export type SqlQuery = {
  where: Where
  sort?: string[]
  limit?: number
  select: Record<string, true>
}

/**
 * The feed's reads in plain SQL on the adapter's own tables and driver: one statement for the
 * documents with their translations, one for their references, one per multi-select field,
 * instead of Payload's relational query and per-field transform. The result has the shape of
 * the adapter's `find` with `locale: 'all'`.
 */
export const sqlFind = async (
  payload: Payload,
  adapter: SqlAdapter,
  collection: string,
  { where, sort = ['id'], limit = 0, select }: SqlQuery,
): Promise<SqlDoc[]> => {
  const context = contextOf(payload, adapter, collection)
  const names = Object.keys(select).filter((name) => name !== 'id')
  const sortNames = sort.map((key) => key.replace(/^-/, '')).filter((name) => name !== 'id')
  const kinds = new Map(
    [...new Set([...names, ...sortNames])].map((name) => [name, kindOf(context, name)]),
  )
  const params = new Parameters(adapter.dialect)
  const main = quote(context.tableName)

  const columns = [`d."id" as "id"`]
  for (const [name, kind] of kinds) {
    if (kind === 'column') {
      columns.push(`d.${quote(columnName(context.table, name))} as ${quote(`m:${name}`)}`)
    } else if (kind === 'group') {
      for (const sub of (context.fields.get(name) as GroupField).flattenedFields) {
        const column = columnName(context.table, `${name}_${sub.name}`)
        columns.push(`d.${quote(column)} as ${quote(`g:${name}:${sub.name}`)}`)
      }
    }
  }
  const localized = [...kinds].filter(([, kind]) => kind === 'localized').map(([name]) => name)
  const locales = localized.length ? tableOf(context, 'locales') : undefined
  if (locales) {
    columns.push(`l."_locale" as "l:"`)
    for (const name of localized) {
      columns.push(`l.${quote(columnName(locales.table, name))} as ${quote(`l:${name}`)}`)
    }
  }

  // Placeholders are numbered in text order: the join's come first.
  // Naming the locales lets the join use Payload's unique (locale, parent) index.
  const localeJoin = locales
    ? ` left join ${quote(locales.name)} l on l."_locale" in (${params.list(localeCodes(payload))}) and l."_parent_id" = d."id"`
    : ''
  // The page is chosen first (filter, order, limit); translations join only its rows.
  const chosen =
    limit > 0
      ? (() => {
          const filter = condition(context, 'p', where, params)
          return (
            `d."id" in (select p."id" from ${main} p${filter ? ` where ${filter}` : ''}` +
            ` order by ${orderBy(context, sort, 'p')} limit ${params.add(limit)})`
          )
        })()
      : condition(context, 'd', where, params)
  const statement =
    `select ${columns.join(', ')} from ${main} d${localeJoin}` +
    (chosen ? ` where ${chosen}` : '') +
    ` order by ${orderBy(context, sort, 'd', true)}`
  const rows = await adapter.run(statement, params.values)

  const docs = new Map<string, SqlDoc>()
  for (const row of rows) {
    const key = String(row.id)
    let doc = docs.get(key)
    if (!doc) {
      doc = { id: row.id as number | string }
      for (const [name, kind] of kinds) {
        const field = context.fields.get(name)
        if (kind === 'column') doc[name] = readValue(field, row[`m:${name}`])
        else if (kind === 'group') {
          doc[name] = Object.fromEntries(
            (field as GroupField).flattenedFields.map((sub) => [
              sub.name,
              readValue(sub, row[`g:${name}:${sub.name}`]),
            ]),
          )
        } else if (kind === 'localized') doc[name] = {}
        else doc[name] = []
      }
      docs.set(key, doc)
    }
    const locale = row['l:']
    if (typeof locale === 'string') {
      for (const name of localized) {
        const value = readValue(context.fields.get(name), row[`l:${name}`])
        if (value !== null) (doc[name] as Row)[locale] = value
      }
    }
  }
  const ids = [...docs.values()].map((doc) => doc.id)
  if (ids.length === 0) return []

  const relPaths = [...kinds].filter(([, kind]) => kind === 'rels').map(([name]) => name)
  if (relPaths.length) {
    const rels = tableOf(context, 'rels')
    const targets = Object.keys(rels.table).filter((key) => key.endsWith('ID'))
    const relParams = new Parameters(adapter.dialect)
    const refs = await adapter.run(
      `select "parent_id" as "parent", "path", ${targets.map((key) => `${quote(rels.table[key].name)} as ${quote(key)}`).join(', ')} from ${quote(rels.name)}` +
        ` where "parent_id" in (${relParams.list(ids)}) and ${adapter.dialect === 'sqlite' ? '+' : ''}"path" in (${relParams.list(relPaths)})` +
        ` order by "parent_id", "order"`,
      relParams.values,
    )
    for (const ref of refs) {
      const doc = docs.get(String(ref.parent))
      const field = context.fields.get(String(ref.path)) as
        | (FlattenedField & { relationTo: string | string[] })
        | undefined
      const target = targets.find((key) => ref[key] !== null && ref[key] !== undefined)
      if (!doc || !field || !target) continue
      const relationTo = target.slice(0, -2)
      ;(doc[field.name] as unknown[]).push(
        Array.isArray(field.relationTo) ? { relationTo, value: ref[target] } : ref[target],
      )
    }
  }
  for (const [name] of [...kinds].filter(([, kind]) => kind === 'options')) {
    const options = tableOf(context, snake(name))
    const optionParams = new Parameters(adapter.dialect)
    const values = await adapter.run(
      `select "parent_id" as "parent", "value" from ${quote(options.name)} where "parent_id" in (${optionParams.list(ids)}) order by "parent_id", "order"`,
      optionParams.values,
    )
    for (const option of values) {
      ;(docs.get(String(option.parent))?.[name] as unknown[] | undefined)?.push(option.value)
    }
  }
  return [...docs.values()]
}

export const sqlCount = async (
  payload: Payload,
  adapter: SqlAdapter,
  collection: string,
  where: Where,
): Promise<number> => {
  const context = contextOf(payload, adapter, collection)
  const params = new Parameters(adapter.dialect)
  const filter = condition(context, 'c', where, params)
  const main = quote(context.tableName)
  const [row] = await adapter.run(
    `select count(*) as "total" from ${main} c${filter ? ` where ${filter}` : ''}`,
    params.values,
  )
  return Number(row?.total ?? 0)
}

import path from 'node:path'

import { ConfigurationError, projectRoot } from '../env'

export type DatabaseTarget =
  | { kind: 'sqlite'; url: string; file: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'mongodb'; url: string }

export const defaultSqliteFile = 'data/itnet.db'
/**
 * Development pushes the schema, production applies migrations; one SQLite file cannot take
 * both (a push over a migrated file fails), so `npm run dev` gets a file of its own.
 */
export const defaultDevelopmentSqliteFile = 'data/itnet-dev.db'

/**
 * Picks the adapter from `DATABASE_URI`: unset or `file:` → SQLite (`data/itnet.db`; in
 * development `data/itnet-dev.db`), `postgres(ql)://` →
 * PostgreSQL, `mongodb(+srv)://` → MongoDB. Anything else stops the start.
 */
export const parseDatabaseUri = (
  uri: string | undefined,
  { development = false }: { development?: boolean } = {},
): DatabaseTarget => {
  const value = uri?.trim()
  if (!value) {
    const file = path.resolve(
      projectRoot,
      development ? defaultDevelopmentSqliteFile : defaultSqliteFile,
    )
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  if (value.startsWith('file:')) {
    const rawPath = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (!rawPath || rawPath === ':memory:') {
      throw new ConfigurationError(
        `DATABASE_URI "${value}" names no file: use file:./data/itnet.db or another file path`,
      )
    }
    const file = path.resolve(projectRoot, rawPath)
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  if (/^postgres(ql)?:\/\/.+/.test(value)) return { kind: 'postgres', url: value }
  if (/^mongodb(\+srv)?:\/\/.+/.test(value)) return { kind: 'mongodb', url: value }
  const scheme = value.match(/^([a-z0-9+.-]+):/i)?.[1]
  throw new ConfigurationError(
    `DATABASE_URI has an unsupported ${scheme ? `scheme "${scheme}:"` : 'form'}. ` +
      'Use file:<path> (SQLite), postgres://… or postgresql://… (PostgreSQL), ' +
      'or mongodb://… or mongodb+srv://… (MongoDB).',
  )
}

import path from 'node:path'

import { parseDatabaseUri } from '../../src/database/parseDatabaseUri'
import { ConfigurationError, projectRoot } from '../../src/env'

describe('choosing the database adapter from DATABASE_URI', () => {
  it('should default to the SQLite file data/itnet.db', () => {
    const target = parseDatabaseUri(undefined)
    expect(target).toEqual({
      kind: 'sqlite',
      file: path.join(projectRoot, 'data', 'itnet.db'),
      url: `file:${path.join(projectRoot, 'data', 'itnet.db')}`,
    })
    expect(parseDatabaseUri('  ').kind).toBe('sqlite')
  })

  it('should give development (schema push) a default file of its own', () => {
    const file = path.join(projectRoot, 'data', 'itnet-dev.db')
    expect(parseDatabaseUri(undefined, { development: true })).toEqual({
      kind: 'sqlite',
      file,
      url: `file:${file}`,
    })
    expect(parseDatabaseUri('file:./x.db', { development: true }).url).toBe(
      `file:${path.join(projectRoot, 'x.db')}`,
    )
  })

  it.each([
    ['file:./data/other.db', path.join(projectRoot, 'data', 'other.db')],
    ['file:/var/lib/itnet/hub.db', '/var/lib/itnet/hub.db'],
    ['file:///var/lib/itnet/hub.db', '/var/lib/itnet/hub.db'],
  ])('should read %s as an SQLite file', (uri, file) => {
    expect(parseDatabaseUri(uri)).toEqual({ kind: 'sqlite', file, url: `file:${file}` })
  })

  it.each([
    ['postgres://postgres@127.0.0.1:5432/itnet', 'postgres'],
    ['postgresql://user:secret@db.example/itnet?sslmode=require', 'postgres'],
    ['mongodb://127.0.0.1:27017/itnet?replicaSet=rs0', 'mongodb'],
    ['mongodb+srv://cluster.example/itnet', 'mongodb'],
  ])('should pick the adapter for %s', (uri, kind) => {
    expect(parseDatabaseUri(uri)).toEqual({ kind, url: uri })
  })

  it.each([
    ['mysql://root@localhost/itnet', /unsupported scheme "mysql:"/],
    ['redis://127.0.0.1:6379', /unsupported scheme "redis:"/],
    ['./data/itnet.db', /unsupported form/],
    ['file:', /names no file/],
    ['file::memory:', /names no file/],
    ['postgres://', /unsupported scheme "postgres:"/],
  ])('should refuse %s with a message saying what to use', (uri, message) => {
    expect(() => parseDatabaseUri(uri)).toThrow(ConfigurationError)
    expect(() => parseDatabaseUri(uri)).toThrow(message)
  })

  it('should name the accepted forms when the scheme is unknown', () => {
    expect(() => parseDatabaseUri('mysql://root@localhost/itnet')).toThrow(
      /file:<path>.*postgres:\/\/.*mongodb:\/\//s,
    )
  })
})

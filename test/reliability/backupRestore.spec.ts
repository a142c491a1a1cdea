import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createClient } from '@libsql/client'
import pg from 'pg'
import sharp from 'sharp'

import { startServer, type RunningServer } from '../helpers/startServer'
import { testDatabaseKinds, type TestDatabase } from '../helpers/testDatabases'
import { login, report, request, sleep, type Json } from './faultHttp'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Runs `npm run backup` / `npm run restore` the way package.json does, without npm. */
const runScript = (
  script: 'backup' | 'restore',
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts', `${script}.ts`), ...args],
      { cwd: root, env: { ...process.env, NODE_OPTIONS: '', ...env } },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('exit', (code) => resolve({ code, output }))
  })

const sha256 = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex')

/** Every file of a folder with its sha256, computed here rather than by the scripts. */
const hashFolder = (dir: string): Record<string, string> =>
  Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name)
        return [path.relative(dir, file), sha256(fs.readFileSync(file))]
      }),
  )

/** Rows per table, counted with plain SQL. */
const countRows = async (uri: string, tables: string[]): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {}
  if (uri.startsWith('file:')) {
    const client = createClient({ url: uri })
    for (const table of tables) {
      counts[table] = Number(
        (await client.execute(`select count(*) as n from "${table}"`)).rows[0].n,
      )
    }
    client.close()
    return counts
  }
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  for (const table of tables) {
    counts[table] = Number((await client.query(`select count(*) as n from "${table}"`)).rows[0].n)
  }
  await client.end()
  return counts
}

const collections = ['users', 'members', 'projects', 'stories', 'events', 'partners', 'media']

/**
 * The restore drill: a running hub with seed data and an upload is backed up while it keeps
 * writing, restored into a new database and media folder, and a second hub on the restored
 * copy serves the same counts, the same files, and the demo logins.
 */
describe.each(testDatabaseKinds())('backup and restore on $name', (kind) => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'itnet-drill-'))
  const secret = crypto.randomBytes(16).toString('hex')
  const password = 'drill-password'
  const mediaDir = path.join(scratch, 'media')
  const restoredMediaDir = path.join(scratch, 'restored-media')
  const backupDir = path.join(scratch, 'backup')
  let database: TestDatabase
  let restored: TestDatabase
  let original: RunningServer
  let copy: RunningServer | undefined

  beforeAll(async () => {
    database = await kind.create()
    restored = await kind.create()
    fs.mkdirSync(mediaDir)
    original = await startServer({
      DATABASE_URI: database.uri,
      MEDIA_DIR: mediaDir,
      PAYLOAD_SECRET: secret,
      SEED_DEMO: 'true',
      DEMO_PASSWORD: password,
    })
  })

  afterAll(async () => {
    for (const server of [original, copy]) {
      if (server && server.child.exitCode === null) await server.stop()
    }
    await database?.drop()
    await restored?.drop()
    fs.rmSync(scratch, { recursive: true, force: true })
  })

  it('should restore counts, media files and logins from a backup taken while writing', async () => {
    const editor = await login(original.url, 'redaktion@itnet.example', password)
    const image = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: { r: 0, g: 102, b: 153 } },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'drill.png')
    form.append('_payload', JSON.stringify({ alt: 'Übung' }))
    const upload = await fetch(`${original.url}/api/media`, {
      method: 'POST',
      headers: { authorization: `JWT ${editor}` },
      body: form,
    })
    expect(upload.status).toBe(201)
    const media = ((await upload.json()) as Json).doc
    const originalFiles = hashFolder(mediaDir)
    expect(Object.keys(originalFiles).length).toBeGreaterThanOrEqual(2)

    // The hub keeps writing while the backup runs.
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        const slug = `drill-${written}`
        const outcome = await request(original.url, 'POST', '/api/partners', {
          token: editor,
          body: { name: `Übung ${written++}`, slug },
        })
        expect(outcome.status).toBe(201)
      }
    })()
    await sleep(300)
    const started = performance.now()
    const backup = await runScript('backup', ['--out', backupDir], {
      DATABASE_URI: database.uri,
      MEDIA_DIR: mediaDir,
      PAYLOAD_SECRET: secret,
    })
    const backupMs = performance.now() - started
    writing = false
    await writer
    expect(backup.output).toContain('PAYLOAD_SECRET')
    expect(backup.code).toBe(0)
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'))
    expect(manifest.database.tables).toMatchObject({ users: 4, media: 1 })
    expect(manifest.database.tables.partners).toBeGreaterThan(0)

    const target = {
      DATABASE_URI: restored.uri,
      MEDIA_DIR: restoredMediaDir,
      PAYLOAD_SECRET: secret,
    }
    const restore = await runScript('restore', [backupDir], target)
    expect(restore.code).toBe(0)
    expect(restore.output).toContain('PAYLOAD_SECRET matches')
    const again = await runScript('restore', [backupDir], target)
    expect(again.code).toBe(2)
    expect(again.output).toContain('refusing to overwrite')

    // Counted here, not by the scripts: the restored database holds what the manifest says.
    const tables = Object.keys(manifest.database.tables)
    expect(await countRows(restored.uri, tables)).toEqual(manifest.database.tables)
    expect(hashFolder(restoredMediaDir)).toEqual(originalFiles)

    copy = await startServer({ ...target, SEED: 'false' })
    const admin = await login(copy.url, 'admin@itnet.example', password)
    for (const collection of collections) {
      const outcome = await request(copy.url, 'GET', `/api/${collection}?limit=1&depth=0`, {
        token: admin,
      })
      expect([collection, (JSON.parse(outcome.body!) as Json).totalDocs]).toEqual([
        collection,
        manifest.database.tables[collection],
      ])
    }
    // Same secret: a session token of the original hub is valid on the restored one.
    const me = await request(copy.url, 'GET', '/api/users/me', { token: editor })
    expect((JSON.parse(me.body!) as Json).user.email).toBe('redaktion@itnet.example')
    const file = await fetch(`${copy.url}/api/media/file/${media.filename}`)
    expect(file.status).toBe(200)
    expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(originalFiles[media.filename])
    report(
      `backup/restore drill on ${kind.name}: backup in ${(backupMs / 1000).toFixed(1)} s while ` +
        `${written} partners were written; ${tables.length} tables and ` +
        `${Object.keys(originalFiles).length} media files restored and verified; demo login ok`,
    )
  }, 240_000)

  it('should refuse a damaged backup and bad arguments', async () => {
    const damaged = path.join(scratch, 'damaged')
    fs.cpSync(backupDir, damaged, { recursive: true })
    const [first] = fs.readdirSync(path.join(damaged, 'media'))
    fs.appendFileSync(path.join(damaged, 'media', first), 'x')
    const target = {
      DATABASE_URI: restored.uri,
      MEDIA_DIR: path.join(scratch, 'never'),
      PAYLOAD_SECRET: secret,
    }
    const refused = await runScript('restore', [damaged, '--force'], target)
    expect(refused.code).toBe(1)
    expect(refused.output).toContain(`${first}: hash differs`)
    expect(fs.existsSync(path.join(scratch, 'never'))).toBe(false)

    const noFolder = await runScript('restore', [], target)
    expect([noFolder.code, noFolder.output]).toEqual([2, expect.stringContaining('Usage')])
    const unknown = await runScript('backup', ['--into', scratch], target)
    expect([unknown.code, unknown.output]).toEqual([2, expect.stringContaining("'--into'")])
  })
})

// `npm run backup [-- --out <folder>]`: a consistent copy of the database and the media
// folder, taken while the hub runs, with a manifest of row counts and file hashes.
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { projectRoot } from '../src/env'
import { copyMediaFolder } from './backup/media'
import {
  manifestVersion,
  secretCheckOf,
  sha256File,
  UsageError,
  writeManifest,
  type Manifest,
} from './backup/manifest'
import { backupPostgres } from './backup/postgres'
import { backupSqlite, countSqliteTables } from './backup/sqlite'
import { backupTarget, describeDatabase } from './backup/target'

const usage = 'Usage: npm run backup [-- --out <folder>]  (an empty or new folder)'

const main = async () => {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: false })
  const target = backupTarget()
  const createdAt = new Date()
  const stamp = createdAt.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')
  const dir = path.resolve(values.out ?? path.join(projectRoot, 'data', 'backups', stamp))
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new UsageError(`${dir} is not empty: a backup goes into a new or empty folder`)
  }
  // The dump holds password hashes and e-mail addresses: for the owner's eyes only.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })

  console.log(`Backing up ${describeDatabase(target.database)} and ${target.mediaDir} to ${dir}`)
  const started = performance.now()
  let file: string
  let tables: Record<string, number>
  if (target.database.kind === 'sqlite') {
    file = 'database.sqlite'
    await backupSqlite(target.database.file, path.join(dir, file))
    tables = await countSqliteTables(path.join(dir, file))
  } else {
    file = 'database.pgdump'
    tables = await backupPostgres(target.database.url, path.join(dir, file))
  }
  fs.chmodSync(path.join(dir, file), 0o600)
  const files = await copyMediaFolder(target.mediaDir, path.join(dir, 'media'))

  const manifest: Manifest = {
    version: manifestVersion,
    createdAt: createdAt.toISOString(),
    database: {
      kind: target.database.kind,
      file,
      sha256: await sha256File(path.join(dir, file)),
      tables,
    },
    media: { folder: 'media', files },
    secretCheck: secretCheckOf(target.secret),
  }
  writeManifest(dir, manifest)

  const rows = Object.values(tables).reduce((sum, count) => sum + count, 0)
  console.log(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `${Object.keys(tables).length} tables, ${rows} rows, ${Object.keys(files).length} media files.`,
  )
  console.log(
    [
      '',
      'REMEMBER: the backup does not contain PAYLOAD_SECRET, but belongs with it. Sessions are',
      'signed and API keys encrypted with it: restored with another secret, every login token',
      'and API key is void. Keep the secret in your password manager or vault beside this backup',
      `(in use now: ${target.secretSource}). Copy the backup off this machine.`,
    ].join('\n'),
  )
}

main().catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`backup: ${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

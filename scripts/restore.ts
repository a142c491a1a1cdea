// `npm run restore -- <backup folder> [--force]`: puts a backup made by `npm run backup`
// into the database and media folder the hub is configured for (stop the hub first).
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import {
  countDifferences,
  readManifest,
  secretCheckOf,
  sha256File,
  UsageError,
} from './backup/manifest'
import { copyMediaFolder, hashMediaFolder, isEmptyFolder, mediaDifferences } from './backup/media'
import { countPostgresTables, preparePostgresTarget, restorePostgres } from './backup/postgres'
import { countSqliteTables, restoreSqlite, sqliteIsEmpty } from './backup/sqlite'
import { backupTarget, describeDatabase } from './backup/target'

const usage =
  'Usage: npm run restore -- <backup folder> [--force]\n' +
  '  Restores into DATABASE_URI and MEDIA_DIR; --force overwrites a database or media folder\n' +
  '  that is not empty. Stop the hub first.'

const main = async () => {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  if (positionals.length !== 1) throw new UsageError('name exactly one backup folder')
  const dir = path.resolve(positionals[0])
  if (!fs.existsSync(dir)) throw new UsageError(`${dir} does not exist`)
  const manifest = readManifest(dir)
  const target = backupTarget()
  const force = values.force

  // The backup itself first: nothing is touched unless every byte is as it was written.
  const dump = path.join(dir, manifest.database.file)
  if (!fs.existsSync(dump) || (await sha256File(dump)) !== manifest.database.sha256) {
    throw new Error(`${dump} is missing or damaged (sha256 differs from the manifest)`)
  }
  const damaged = mediaDifferences(
    manifest.media.files,
    await hashMediaFolder(path.join(dir, manifest.media.folder)),
  )
  if (damaged.length)
    throw new Error(`the backup's media folder is damaged:\n  ${damaged.join('\n  ')}`)
  if (manifest.database.kind !== target.database.kind) {
    throw new UsageError(
      `this is a ${manifest.database.kind} backup, but DATABASE_URI names ${target.database.kind}`,
    )
  }

  const database = target.database
  const emptyDatabase =
    database.kind === 'sqlite'
      ? await sqliteIsEmpty(database.file)
      : (await preparePostgresTarget(database.url)).empty
  const refusals = [
    ...(emptyDatabase ? [] : [`the database (${describeDatabase(database)}) is not empty`]),
    ...(isEmptyFolder(target.mediaDir) ? [] : [`the media folder ${target.mediaDir} is not empty`]),
  ]
  if (refusals.length && !force) {
    throw new UsageError(
      `refusing to overwrite: ${refusals.join('; ')}. Add --force to replace them`,
    )
  }

  console.log(`Restoring ${dir} (taken ${manifest.createdAt}) into ${describeDatabase(database)}`)
  if (database.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(database.file), { recursive: true })
    restoreSqlite(dump, database.file)
  } else {
    await restorePostgres(dump, database.url, { clean: !emptyDatabase })
  }
  fs.rmSync(target.mediaDir, { recursive: true, force: true })
  const written = await copyMediaFolder(path.join(dir, manifest.media.folder), target.mediaDir)

  // Then check what landed against the manifest.
  const counts =
    database.kind === 'sqlite'
      ? await countSqliteTables(database.file)
      : await countPostgresTables(database.url)
  const problems = [
    ...countDifferences(manifest.database.tables, counts),
    ...mediaDifferences(manifest.media.files, written),
  ]
  if (problems.length)
    throw new Error(`the restore does not match the backup:\n  ${problems.join('\n  ')}`)
  console.log(
    `Restored and verified: ${Object.keys(counts).length} tables with the counted rows, ` +
      `${Object.keys(written).length} media files with their sha256.`,
  )

  const check = secretCheckOf(target.secret)
  if (!manifest.secretCheck) {
    console.log('REMEMBER: start the hub with the PAYLOAD_SECRET the backup was taken with.')
  } else if (check !== manifest.secretCheck) {
    console.warn(
      'WARNING: PAYLOAD_SECRET here is not the one in use when the backup was taken. Start the ' +
        'hub with that secret, or every login token and API key of the backup is void.',
    )
  } else {
    console.log('PAYLOAD_SECRET matches the one in use when the backup was taken.')
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`restore: ${(error as Error).message}\n${usage}`)
    process.exit(2)
  }
  console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

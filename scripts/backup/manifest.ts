import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { MediaFiles } from './media'

export const manifestFile = 'manifest.json'
export const manifestVersion = 1

/** What a backup holds, written last: a folder without it is not a finished backup. */
export type Manifest = {
  version: typeof manifestVersion
  createdAt: string
  database: {
    kind: 'sqlite' | 'postgres'
    /** The dump inside the backup folder and its sha256. */
    file: string
    sha256: string
    /** Rows per table, counted in the same snapshot the dump holds. */
    tables: Record<string, number>
  }
  media: { folder: string; files: MediaFiles }
  /**
   * A short check value of the PAYLOAD_SECRET in use (not the secret): restore warns when the
   * secret it runs with differs. Null when no secret was found.
   */
  secretCheck: string | null
}

export class UsageError extends Error {}

export const sha256File = async (file: string): Promise<string> => {
  const hash = crypto.createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** 32 bits of an HMAC: enough to notice a different secret, far too little to recover one. */
export const secretCheckOf = (secret: string | undefined): string | null =>
  secret
    ? crypto.createHmac('sha256', secret).update('itnet-backup').digest('hex').slice(0, 8)
    : null

export const writeManifest = (dir: string, manifest: Manifest) =>
  fs.writeFileSync(path.join(dir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
  })

export const readManifest = (dir: string): Manifest => {
  const file = path.join(dir, manifestFile)
  if (!fs.existsSync(file)) {
    throw new UsageError(`${dir} holds no ${manifestFile}: not a (finished) backup folder`)
  }
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest
  if (manifest.version !== manifestVersion) {
    throw new UsageError(`${file}: unknown manifest version ${String(manifest.version)}`)
  }
  return manifest
}

/** Tables whose counts differ, as readable lines. */
export const countDifferences = (
  expected: Record<string, number>,
  actual: Record<string, number>,
): string[] =>
  [...new Set([...Object.keys(expected), ...Object.keys(actual)])]
    .filter((table) => expected[table] !== actual[table])
    .map(
      (table) =>
        `${table}: expected ${expected[table] ?? 'no table'}, found ${actual[table] ?? 'no table'}`,
    )

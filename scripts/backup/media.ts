import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { sha256File } from './manifest'

/** Relative path (with `/`) → sha256 and size of each file of a media folder. */
export type MediaFiles = Record<string, { sha256: string; size: number }>

const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
        .sort()
    : []

export const hashMediaFolder = async (dir: string): Promise<MediaFiles> => {
  const files: MediaFiles = {}
  for (const file of filesUnder(dir)) {
    const full = path.join(dir, file)
    files[file.split(path.sep).join('/')] = {
      sha256: await sha256File(full),
      size: fs.statSync(full).size,
    }
  }
  return files
}

/** Copies every file and hashes the bytes as they are written (one read per file). */
export const copyMediaFolder = async (from: string, to: string): Promise<MediaFiles> => {
  const files: MediaFiles = {}
  fs.mkdirSync(to, { recursive: true })
  for (const file of filesUnder(from)) {
    const target = path.join(to, file)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const hash = crypto.createHash('sha256')
    let size = 0
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk)
        size += chunk.length
        done(null, chunk)
      },
    })
    await pipeline(fs.createReadStream(path.join(from, file)), tap, fs.createWriteStream(target))
    files[file.split(path.sep).join('/')] = { sha256: hash.digest('hex'), size }
  }
  return files
}

/** Files whose hash differs from the manifest, or that are missing or extra. */
export const mediaDifferences = (expected: MediaFiles, actual: MediaFiles): string[] =>
  [...new Set([...Object.keys(expected), ...Object.keys(actual)])]
    .filter((file) => expected[file]?.sha256 !== actual[file]?.sha256)
    .map((file) =>
      !actual[file]
        ? `${file}: missing`
        : !expected[file]
          ? `${file}: not in the backup`
          : `${file}: hash differs`,
    )

export const isEmptyFolder = (dir: string): boolean =>
  !fs.existsSync(dir) || fs.readdirSync(dir).length === 0

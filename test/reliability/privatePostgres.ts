import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../helpers/startServer'

export type PrivatePostgres = {
  uri: (database: string) => string
  port: number
  start: () => void
  stop: () => void
  /** Stops the cluster (if running) and removes its directory. */
  remove: () => void
}

/** initdb and pg_ctl of the newest PostgreSQL installed from Debian's packages, if any. */
export const postgresBinaries = (): { initdb: string; pgCtl: string } | string => {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((version) => fs.existsSync(path.join(root, version, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0) return `no initdb/pg_ctl under ${root}/<version>/bin`
  const bin = path.join(root, versions[0], 'bin')
  const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
  if (process.getuid?.() === 0 && user.status !== 0) return 'no postgres user to run the cluster as'
  return { initdb: path.join(bin, 'initdb'), pgCtl: path.join(bin, 'pg_ctl') }
}

/**
 * A throw-away PostgreSQL cluster on a port of its own, so that a test may stop and start its
 * server without touching the shared one. PostgreSQL refuses to run as root: as root, the
 * cluster belongs to and runs as the `postgres` user.
 */
export const createPrivatePostgres = async (binaries: {
  initdb: string
  pgCtl: string
}): Promise<PrivatePostgres> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itnet-pg-'))
  const data = path.join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  const ids = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      }
    : {}
  if (asRoot) fs.chownSync(dir, ids.uid!, ids.gid!)
  const run = (file: string, args: string[]) => {
    const result = spawnSync(file, args, { ...ids, cwd: dir, encoding: 'utf8', timeout: 60_000 })
    if (result.status !== 0) {
      throw new Error(
        `${path.basename(file)} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`,
      )
    }
  }
  run(binaries.initdb, ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'])
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  let running = false
  const start = () => {
    run(binaries.pgCtl, ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start'])
    running = true
  }
  // fast: the server ends every session at once, as a crash or a failover would.
  const stop = () => {
    run(binaries.pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop'])
    running = false
  }
  start()
  return {
    port,
    uri: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop,
    remove: () => {
      if (running) stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

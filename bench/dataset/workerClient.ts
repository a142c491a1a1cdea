import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { benchRoot, projectRoot, serverEnv, tmpDir } from '../paths'
import type { WorkerCommand } from './worker'

export type Worker = {
  child: ChildProcess
  request: <T>(command: WorkerCommand) => Promise<T>
  stop: () => Promise<void>
}

/** Forks `worker.ts` on `databaseUri` and waits until its Payload is connected (migrated). */
export const startWorker = async (databaseUri: string, name = 'worker'): Promise<Worker> => {
  const logDir = path.join(tmpDir, 'logs')
  fs.mkdirSync(logDir, { recursive: true })
  const log = fs.openSync(path.join(logDir, `${name}.log`), 'w')
  const child = fork(path.join(benchRoot, 'dataset', 'worker.ts'), [], {
    cwd: projectRoot,
    // The condition keeps Node 20 from hanging on Lexical's top-level await (PITFALLS.md).
    execArgv: ['--conditions=production', '--import', 'tsx'],
    env: serverEnv({ DATABASE_URI: databaseUri }),
    stdio: ['ignore', log, log, 'ipc'],
  })
  let pending: { resolve: (value: unknown) => void; reject: (error: Error) => void } | undefined
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(
        new Error(`bench worker exited with ${code}; see ${path.join(logDir, `${name}.log`)}`),
      ),
    ),
  )
  exited.catch(() => {})
  const ready = new Promise<void>((resolve) => {
    child.on('message', (message: { ready?: true; ok?: unknown; error?: string }) => {
      if (message.ready) return resolve()
      const current = pending
      pending = undefined
      if (message.error) current?.reject(new Error(message.error))
      else current?.resolve(message.ok)
    })
  })
  await Promise.race([ready, exited])
  const request = <T>(command: WorkerCommand): Promise<T> => {
    if (pending) throw new Error('bench worker: one request at a time')
    const answer = new Promise<T>((resolve, reject) => {
      pending = { resolve: resolve as (value: unknown) => void, reject }
    })
    child.send(command)
    return Promise.race([answer, exited])
  }
  return {
    child,
    request,
    stop: async () => {
      if (child.exitCode !== null) return
      const gone = new Promise((resolve) => child.once('exit', resolve))
      await request({ cmd: 'exit' }).catch(() => child.kill('SIGKILL'))
      await gone
    },
  }
}

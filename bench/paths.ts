import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const benchRoot = path.dirname(fileURLToPath(import.meta.url))
export const projectRoot = path.resolve(benchRoot, '..')
export const resultsDir = path.join(benchRoot, 'results')
/** Scratch space (ignored by git): dataset files, logs, profiles. */
export const tmpDir = path.join(resultsDir, 'tmp')

/** The environment of every hub process the bench starts (server, worker). */
export const serverEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_SECRET: 'itnet-bench-secret-not-for-production',
  SEED: 'false',
  LOG_LEVEL: 'warn',
  MEDIA_DIR: path.join(tmpDir, 'media'),
  ITNET_ROOT: projectRoot,
  ...extra,
})

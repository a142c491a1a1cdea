import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot, resultsDir, tmpDir } from '../paths'
import { treeRssMb } from './proc'

export type BuildFigures = {
  ms: number
  /** Largest single process (GNU time's "Maximum resident set size"), MB; null without it. */
  peak_rss_mb: number | null
  /** Largest sum over the build's whole process tree (sampled every 200 ms), MB. */
  peak_tree_rss_mb: number
  source_hash: string
  measured_at: string
  /** True when these figures are an earlier run's, for the same sources (quick mode). */
  reused: boolean
}

const recordFile = path.join(resultsDir, 'build.json')
const stampFile = path.join(projectRoot, '.next', 'itnet-build-stamp')
const gnuTime = '/usr/bin/time'

const stamp = () => (fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '')

const anotherBuild = /Another next build process is already running/

/** Runs `scripts/buildIfNeeded.mjs` (the build `npm start` does) and measures it. */
const runBuild = async (
  force: boolean,
  log: (line: string) => void,
): Promise<{
  ms: number
  peak_rss_mb: number | null
  peak_tree_rss_mb: number
  built: boolean
}> => {
  // Someone else's build in the same checkout (a test run, `npm start`): wait for it.
  for (let attempt = 1; ; attempt++) {
    try {
      return await runBuildOnce(force)
    } catch (error) {
      if (!(error instanceof BuildBusy) || attempt >= 30) throw error
      if (attempt === 1) log('  another next build is running in this checkout: waiting for it…')
      await new Promise((resolve) => setTimeout(resolve, 10_000))
    }
  }
}

class BuildBusy extends Error {}

const marker = 'Building the admin app'

const runBuildOnce = async (force: boolean) => {
  const log = path.join(tmpDir, 'logs', 'next-build.log')
  fs.mkdirSync(path.dirname(log), { recursive: true })
  const script = [
    path.join(projectRoot, 'scripts', 'buildIfNeeded.mjs'),
    ...(force ? ['--force'] : []),
  ]
  const withTime = fs.existsSync(gnuTime)
  const [command, args] = withTime
    ? [gnuTime, ['-v', process.execPath, ...script]]
    : [process.execPath, script]
  const out = fs.createWriteStream(log)
  let started = performance.now()
  const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  // The clock starts when the build does: buildIfNeeded.mjs may first wait for another
  // process's build (its lock) and then find nothing left to do.
  child.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes(marker)) started = performance.now()
    out.write(chunk)
  })
  child.stderr.pipe(out)
  let peakTree = 0
  const sampler = setInterval(() => {
    if (child.pid) peakTree = Math.max(peakTree, treeRssMb(child.pid))
  }, 200)
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  clearInterval(sampler)
  const ms = performance.now() - started
  await new Promise((resolve) => out.end(resolve))
  const text = fs.readFileSync(log, 'utf8')
  if (code !== 0 && anotherBuild.test(text)) throw new BuildBusy()
  if (code !== 0) throw new Error(`next build failed (exit ${code}); see ${log}`)
  const maxKb = Number(text.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1])
  return {
    ms,
    peak_rss_mb: withTime && maxKb ? maxKb / 1024 : null,
    peak_tree_rss_mb: peakTree,
    built: text.includes(marker),
  }
}

/**
 * Makes sure the production build is current and reports `next build`'s time and peak memory.
 * A build that was needed anyway is the measurement. With a current build, the full run
 * rebuilds (`--force`) to measure; quick mode reuses the figures recorded for these very
 * sources if there are any.
 */
export const ensureBuild = async ({
  quick,
  log = console.log,
}: {
  quick: boolean
  log?: (line: string) => void
}): Promise<BuildFigures> => {
  const needed = await runBuild(false, log)
  let figures: Omit<BuildFigures, 'source_hash' | 'measured_at' | 'reused'> & { built?: boolean }
  if (needed.built) figures = needed
  else {
    const recorded = fs.existsSync(recordFile)
      ? (JSON.parse(fs.readFileSync(recordFile, 'utf8')) as BuildFigures)
      : undefined
    if (quick && recorded && recorded.source_hash === stamp()) return { ...recorded, reused: true }
    log('  the build is current: building again to measure it (next build --force)…')
    figures = await runBuild(true, log)
  }
  const result: BuildFigures = {
    ms: figures.ms,
    peak_rss_mb: figures.peak_rss_mb,
    peak_tree_rss_mb: figures.peak_tree_rss_mb,
    source_hash: stamp(),
    measured_at: new Date().toISOString(),
    reused: false,
  }
  fs.writeFileSync(recordFile, `${JSON.stringify(result, null, 2)}\n`)
  return result
}

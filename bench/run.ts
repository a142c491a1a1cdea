// `npm run bench`: the public feed against its ceiling and against Payload's own APIs, on one
// machine, in one run. See bench/README.md for what is measured and how to read it.
import fs from 'node:fs'
import path from 'node:path'

import { describe, ensureDatasets, type Dataset } from './dataset/datasets'
import { tiers } from './dataset/generate'
import type { LocalApiResult } from './dataset/worker'
import { startWorker, type Worker } from './dataset/workerClient'
import { runCell, settle, singleRequestMs, type CellResult } from './drive/cell'
import {
  answerOfDocs,
  answerOfFeed,
  answerOfPayloadGraphql,
  answerOfRest,
  participantsIn,
  type Answer,
  type PayloadDoc,
} from './drive/queries'
import { countQueries, type QueryCount } from './drive/queryCounts'
import {
  fetchOnce,
  roleOf,
  targetOf,
  variantNames,
  type Role,
  type VariantName,
} from './drive/variants'
import { ensureBuild } from './measure/build'
import { describeMachine } from './measure/machine'
import { memoryOf } from './measure/proc'
import { summariseProfile, type ProfileSummary } from './measure/profile'
import { readOptions } from './options'
import { tmpDir } from './paths'
import {
  evaluateTargets,
  writeReports,
  type BenchResult,
  type ScaleEntry,
  type VariantSummary,
} from './report/results'
import { median, round } from './report/stats'
import { hasTaskset, pin, startHub, startRaw, type ServerProcess } from './server/processes'

const options = readOptions()
const { mode } = options
const runStarted = Date.now()
const log = (line: string) => {
  const seconds = Math.round((Date.now() - runStarted) / 1000)
  const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
  console.log(`[${clock}] ${line}`)
}
const notes: string[] = []
/** Per cell: CPU the rest of the machine used meanwhile, in % of all cores. */
const otherCpu: number[] = []
const measure = async (...args: Parameters<typeof runCell>) => {
  const result = await runCell(...args)
  if (result.other_cpu_pct !== null) otherCpu.push(result.other_cpu_pct)
  // Requests still running when the cell ended must not eat into the next cell.
  await settle(args[0], mode.settleSeconds)
  return result
}

/**
 * 10 connections, unless one answer takes so long that the cell would not see one per
 * connection: then one connection (on one core the rate is the same, there is just no queue),
 * so that the backlog left at the end stays short.
 */
const connectionsFor = (singleMs: number, seconds = mode.seconds) =>
  singleMs * mode.connections > seconds * 1000 ? 1 : mode.connections

// Two cores: under load the servers get CPU 1, this process (the load generator) CPU 0. The
// build and the dataset loads before that use both.
const pinned = options.pin && hasTaskset
const serverCpu = pinned ? 1 : undefined

const cellSettings = {
  connections: mode.connections,
  seconds: mode.seconds,
  warmupSeconds: mode.warmupSeconds,
  postgres: options.db === 'postgres',
}

type Servers = Record<Exclude<Role, 'worker'>, ServerProcess>
const serverOf = (servers: Servers, variant: VariantName) =>
  servers[roleOf[variant] as Exclude<Role, 'worker'>]

const firstDifference = (expected: Answer, got: Answer) => {
  const a = expected.split('|')
  const b = got.split('|')
  const index = a.findIndex((line, i) => line !== b[i])
  return { project: index, expected: a[index], got: b[index] ?? null }
}

/** Every variant must answer with the same projects and participants as raw. */
const checkAnswers = async (servers: Servers, worker: Worker) => {
  const checks: Record<string, Record<string, unknown>> = {}
  const bodyBytes: Record<string, number> = {}
  const singleMs: Record<string, number> = {}
  const rawAnswer = await fetchOnce(servers.raw.origin, targetOf('raw', 20))
  const reference = answerOfFeed(JSON.parse(rawAnswer.body.toString()))
  const cachedFirst = await fetchOnce(servers.hubCached.origin, targetOf('feed_cached', 20))
  const etag = cachedFirst.headers.get('etag') ?? undefined
  for (const variant of variantNames) {
    let answer: Answer | undefined
    const check: Record<string, unknown> = {}
    if (variant === 'local_api') {
      const docs = await worker.request<PayloadDoc[]>({ cmd: 'newest', limit: 20 })
      bodyBytes[variant] = Buffer.byteLength(JSON.stringify({ docs }))
      answer = answerOfDocs(docs)
      const started = performance.now()
      await worker.request({ cmd: 'newest', limit: 20 })
      singleMs[variant] = performance.now() - started
    } else {
      const target = targetOf(variant, 20, etag)
      const response = await fetchOnce(serverOf(servers, variant).origin, target)
      if (response.status !== target.expectStatus) {
        throw new Error(
          `${variant}: status ${response.status}, expected ${target.expectStatus}: ${response.body.toString().slice(0, 300)}`,
        )
      }
      check.status = response.status
      bodyBytes[variant] = response.body.length
      singleMs[variant] = await singleRequestMs(serverOf(servers, variant), target)
      if (variant !== 'feed_304') {
        const body = JSON.parse(response.body.toString())
        answer =
          variant === 'payload_graphql'
            ? answerOfPayloadGraphql(body)
            : variant === 'payload_rest'
              ? answerOfRest(body)
              : answerOfFeed(body)
        if (variant.startsWith('feed'))
          check.identical_bytes_to_raw = response.body.equals(rawAnswer.body)
      }
    }
    if (answer !== undefined) {
      check.same_answer = answer === reference
      check.participants = { expected: participantsIn(reference), answered: participantsIn(answer) }
      if (answer !== reference) {
        check.first_difference = firstDifference(reference, answer)
        log(`  ${variant}: its answer differs from raw's`)
        notes.push(
          `${variant} does not answer like raw: it names ${participantsIn(answer)} of the ${participantsIn(reference)} participants of the 20 projects (first difference: checks.${variant}.first_difference in the JSON). Its figures are for that smaller answer.`,
        )
      }
    }
    checks[variant] = check
  }
  return { checks, bodyBytes, etag, singleMs }
}

const countStatements = async (hub: ServerProcess, singleMs: Record<string, number>) => {
  const counts: Record<string, Record<string, QueryCount>> = {}
  for (const variant of ['feed', 'payload_graphql', 'payload_rest'] as const) {
    counts[variant] = {}
    // A few seconds of requests per count, at least two.
    const requests = Math.max(
      2,
      Math.min(mode.countRequests, Math.floor(mode.countMs / singleMs[variant])),
    )
    for (const size of [10, 100]) {
      counts[variant][`page${size}`] = await countQueries(hub, targetOf(variant, size), requests)
    }
    log(
      `  ${variant}: ${counts[variant].page10.per_request} at page size 10, ${counts[variant].page100.per_request} at 100`,
    )
  }
  return counts
}

/** Rounds of every variant in turn (A B C … A B C …); medians over the rounds. */
const runRounds = async (
  servers: Servers,
  worker: Worker,
  etag: string | undefined,
  connections: Record<VariantName, number>,
) => {
  const runs = Object.fromEntries(
    variantNames.map((variant) => [variant, []]),
  ) as unknown as Record<VariantName, (CellResult | LocalApiResult)[]>
  for (let roundNumber = 1; roundNumber <= mode.repetitions; roundNumber++) {
    for (const variant of variantNames) {
      const result =
        variant === 'local_api'
          ? await worker.request<LocalApiResult>({
              cmd: 'localApi',
              durationMs: mode.seconds * 1000,
              concurrency: connections[variant],
              limit: 20,
            })
          : await measure(serverOf(servers, variant), targetOf(variant, 20, etag), {
              ...cellSettings,
              connections: connections[variant],
            })
      runs[variant].push(result)
      log(
        `  round ${roundNumber} ${variant.padEnd(16)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${round(result.p50_ms)} ms  p99 ${round(result.p99_ms)} ms  errors ${result.errors}`,
      )
    }
  }
  return runs
}

const summarise = (
  runs: Record<VariantName, (CellResult | LocalApiResult)[]>,
  bodyBytes: Record<string, number>,
  singleMs: Record<string, number>,
  connections: Record<VariantName, number>,
  worker: Worker,
): Record<VariantName, VariantSummary> =>
  Object.fromEntries(
    variantNames.map((variant) => {
      const list = runs[variant] as (CellResult & LocalApiResult)[]
      const pick = (key: keyof CellResult) => median(list.map((run) => run[key] as number))
      const summary: VariantSummary = {
        rps: pick('rps'),
        p50_ms: pick('p50_ms'),
        p99_ms: pick('p99_ms'),
        errors: list.reduce((sum, run) => sum + run.errors, 0),
        connections: connections[variant],
        single_request_ms: singleMs[variant],
        body_bytes: bodyBytes[variant],
        ...(variant === 'local_api'
          ? { rss_mb: memoryOf(worker.child.pid ?? 0)?.rss_mb ?? null }
          : {
              wire_bytes: pick('wire_bytes'),
              rss_mb: pick('rss_mb'),
              cpu_ms_per_request: pick('cpu_ms_per_request'),
              db_cpu_ms_per_request: pick('db_cpu_ms_per_request'),
            }),
        runs: list.map((run) => ({
          rps: run.rps,
          p50_ms: run.p50_ms,
          p99_ms: run.p99_ms,
          errors: run.errors,
        })),
      }
      return [variant, summary]
    }),
  ) as Record<VariantName, VariantSummary>

/** The feed (cache off) on each scale database; interleaved rounds, medians. */
const runScaleProbe = async (datasets: Dataset[]): Promise<Record<string, ScaleEntry>> => {
  const hubs: ServerProcess[] = []
  try {
    const started = await Promise.allSettled(
      datasets.map((dataset, index) =>
        startHub({
          name: `hub-${dataset.spec.name}`,
          databaseUri: dataset.uri,
          port: 3931 + index,
          responseCache: false,
        }),
      ),
    )
    for (const outcome of started) if (outcome.status === 'fulfilled') hubs.push(outcome.value)
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason
    for (const hub of hubs) pin(hub.pid, serverCpu)
    const runs: CellResult[][] = hubs.map(() => [])
    const singles: number[] = []
    for (const hub of hubs) singles.push(await singleRequestMs(hub, targetOf('feed', 20)))
    // One setting for all three sizes, so that their p99 compare: the slowest decides.
    const slowest = Math.max(...singles)
    const connections = connectionsFor(slowest, mode.scale.seconds)
    if (connections !== mode.connections) {
      const seconds = (slowest / 1000).toFixed(1)
      log(`  one answer takes up to ${seconds} s: all three measured with 1 connection`)
      notes.push(
        `Scale probe: one feed answer alone took up to ${seconds} s, so all three sizes were measured with 1 connection (their p99 hold no queue; compare single_request_ms).`,
      )
    }
    for (let roundNumber = 1; roundNumber <= mode.scale.repetitions; roundNumber++) {
      for (const [index, hub] of hubs.entries()) {
        const result = await measure(hub, targetOf('feed', 20), {
          connections,
          seconds: mode.scale.seconds,
          warmupSeconds: mode.scale.warmupSeconds,
          postgres: options.db === 'postgres',
        })
        runs[index].push(result)
        log(
          `  round ${roundNumber} ${datasets[index].spec.name.padEnd(10)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50_ms} ms  p99 ${result.p99_ms} ms`,
        )
      }
    }
    return Object.fromEntries(
      datasets.map((dataset, index) => [
        `${dataset.spec.projects / 1000}k`,
        {
          projects: dataset.spec.projects,
          connections,
          single_request_ms: singles[index],
          rps: median(runs[index].map((run) => run.rps)),
          p50_ms: median(runs[index].map((run) => run.p50_ms)),
          p99_ms: median(runs[index].map((run) => run.p99_ms)),
          errors: runs[index].reduce((sum, run) => sum + run.errors, 0),
          runs: runs[index].map((run) => ({
            rps: run.rps,
            p50_ms: run.p50_ms,
            p99_ms: run.p99_ms,
          })),
        },
      ]),
    )
  } finally {
    await Promise.all(hubs.map((hub) => hub.stop()))
  }
}

/**
 * The feed (cache off) under load with V8's CPU profiler (the one behind `--cpu-prof`), started
 * and stopped by the probe around the measured window, so start-up is not in it.
 */
const profileFeed = async (hub: ServerProcess): Promise<ProfileSummary> => {
  const file = path.join(tmpDir, 'profiles', `feed-${options.db}-${mode.name}.cpuprofile`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const probe = async (action: string) => {
    const response = await fetch(`http://127.0.0.1:${hub.controlPort}/profile/${action}`)
    if (!response.ok) throw new Error(`probe: profile ${action} failed: ${await response.text()}`)
  }
  await probe('start')
  await runCell(hub, targetOf('feed', 20), { ...cellSettings, warmupSeconds: 0 })
  await probe(`stop?file=${encodeURIComponent(file)}`)
  return summariseProfile(file)
}

const main = async () => {
  log(
    `bench: ${mode.name} run on ${options.db}, tier ${mode.tier}${pinned ? '; servers pinned to CPU 1, load generator to CPU 0' : ''}`,
  )

  log('production build (scripts/buildIfNeeded.mjs)…')
  const build = await ensureBuild({ quick: mode.name === 'quick', log })
  log(
    build.reused
      ? `  build current; reusing the figures recorded ${build.measured_at}`
      : `  next build: ${(build.ms / 1000).toFixed(1)} s, peak ${Math.round(build.peak_tree_rss_mb)} MB (process tree)`,
  )

  log('datasets…')
  const spec = tiers[mode.tier]
  const { tier: dataset, scale: scaleDatasets } = await ensureDatasets(options.db, spec, {
    seed: options.seed,
    fresh: options.fresh,
    log,
  })
  for (const { spec: loaded, load } of [dataset, ...scaleDatasets]) {
    log(
      `  ${loaded.name}: ${load.reused ? 'reused' : `loaded in ${(load.ms / 1000).toFixed(1)} s`}`,
    )
  }
  const machine = await describeMachine(options.db, dataset.uri)

  log('starting servers…')
  if (pinned) pin(process.pid, 0)
  // The first hub starts alone: its start is the boot time (spawn → first feed answer).
  const hub = await startHub({
    name: 'hub',
    databaseUri: dataset.uri,
    port: 3921,
    responseCache: false,
  })
  log(
    `  hub (response cache off): first feed answer ${(hub.bootMs / 1000).toFixed(2)} s after spawn`,
  )
  // The others start together; a failed start stops the ones that came up.
  const others = await Promise.allSettled([
    startHub({ name: 'hub-cached', databaseUri: dataset.uri, port: 3922, responseCache: true }),
    startRaw({ databaseUri: dataset.uri, port: 3920 }),
    startWorker(dataset.uri),
  ] as const)
  const failed = others.find((outcome) => outcome.status === 'rejected')
  if (failed) {
    await hub.stop()
    for (const outcome of others) {
      if (outcome.status === 'fulfilled') await outcome.value.stop()
    }
    throw (failed as PromiseRejectedResult).reason
  }
  const [hubCached, raw, worker] = others.map(
    (outcome) => (outcome as PromiseFulfilledResult<unknown>).value,
  ) as [ServerProcess, ServerProcess, Worker]
  for (const pid of [hub.pid, hubCached.pid, raw.pid, worker.child.pid]) pin(pid, serverCpu)
  const servers: Servers = { raw, hub, hubCached }

  let main: Omit<BenchResult, 'targets' | 'profile' | 'scale' | 'duration_s'>
  let profile: ProfileSummary | null = null
  try {
    const documents = await worker.request<BenchResult['dataset']['documents']>({ cmd: 'counts' })
    log('checking that every variant gives the same answer…')
    const { checks, bodyBytes, etag, singleMs } = await checkAnswers(servers, worker)
    const connections = Object.fromEntries(
      variantNames.map((variant) => [variant, connectionsFor(singleMs[variant])]),
    ) as Record<VariantName, number>
    for (const variant of variantNames) {
      if (connections[variant] === mode.connections) continue
      const seconds = (singleMs[variant] / 1000).toFixed(1)
      log(`  ${variant}: one answer takes ${seconds} s: measured with 1 connection`)
      notes.push(
        `${variant}: one answer alone took ${seconds} s, so it was measured with 1 connection instead of ${mode.connections} (same rate on one core, but no queue: its p50/p99 are not comparable with the others').`,
      )
    }
    log('database statements per request (counted at the driver)…')
    const statements = await countStatements(hub, singleMs)
    log(
      `variants: ${mode.repetitions} interleaved rounds, ${mode.warmupSeconds} s warm-up + ${mode.seconds} s each…`,
    )
    const variants = summarise(
      await runRounds(servers, worker, etag, connections),
      bodyBytes,
      singleMs,
      connections,
      worker,
    )

    main = {
      generated_at: new Date().toISOString(),
      mode: mode.name,
      db: options.db,
      machine: { ...machine, pinned },
      dataset: {
        tier: spec.name,
        seed: options.seed,
        spec,
        description: describe(spec),
        documents,
        load_ms: dataset.load.ms,
        reused: dataset.load.reused,
        scale: scaleDatasets.map((scale) => ({
          name: scale.spec.name,
          load_ms: scale.load.ms,
          reused: scale.load.reused,
        })),
      },
      settings: {
        ...cellSettings,
        repetitions: mode.repetitions,
        scale: mode.scale,
        count_requests: mode.countRequests,
      },
      variants,
      checks,
      db_queries_per_request: Object.fromEntries(
        Object.entries(statements).map(([variant, sizes]) => [
          variant,
          { page10: sizes.page10.per_request, page100: sizes.page100.per_request },
        ]),
      ) as BenchResult['db_queries_per_request'],
      db_queries_detail: statements,
      boot_ms: hub.bootMs,
      boot: { hub_ms: hub.bootMs, hub_cached_ms: hubCached.bootMs, raw_ms: raw.bootMs },
      server_peak_rss_mb: {
        hub: hub.memory()?.peak_rss_mb ?? null,
        hub_cached: hubCached.memory()?.peak_rss_mb ?? null,
        raw: raw.memory()?.peak_rss_mb ?? null,
      },
      build,
      notes,
    }

    // A missed feed target gets a profile in full runs (the issue asks for one); --profile always.
    const missed = evaluateTargets({ ...main, scale: {} }).some(
      (target) => target.met === false && /^feed[ :]/.test(target.name),
    )
    if (options.profile || (mode.name === 'full' && missed)) {
      log('profiling the feed variant (V8 CPU profiler)…')
      profile = await profileFeed(hub)
      log(`  profile written to ${profile.file}`)
    }
  } finally {
    await Promise.all([hub.stop(), hubCached.stop(), raw.stop(), worker.stop()])
  }

  log('scale probe: the feed (cache off) at 1k, 10k and 100k projects…')
  const scale = await runScaleProbe(scaleDatasets)

  const targets = evaluateTargets({ ...main, scale })
  const disturbance = {
    other_cpu_pct_median: round(median(otherCpu)),
    other_cpu_pct_max: round(Math.max(...otherCpu)),
  }
  if (disturbance.other_cpu_pct_max > 5) {
    notes.push(
      `Other processes on this machine used up to ${disturbance.other_cpu_pct_max} % of its CPU during a measurement (median ${disturbance.other_cpu_pct_median} %): the figures are disturbed; rerun on a quiet machine.`,
    )
  }
  const result: BenchResult = {
    ...main,
    machine: { ...main.machine, ...disturbance },
    scale,
    targets,
    profile,
    duration_s: Math.round((Date.now() - runStarted) / 1000),
  }
  const written = writeReports(result)
  log(`wrote ${written.map((file) => path.relative(process.cwd(), file)).join(', ')}`)
  for (const target of targets) {
    log(
      `  ${target.met === null ? '–' : target.met ? 'met   ' : 'MISSED'} ${target.name}: ${target.value}`,
    )
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)

import { variantNames } from '../drive/variants'
import type { BenchResult } from './results'

const fmt = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })

const what: Record<string, string> = {
  raw: 'bare node:http + driver + JSON.stringify (ceiling)',
  feed: '/api/feed/graphql, response cache off',
  feed_cached: '/api/feed/graphql, response cache on',
  feed_304: 'conditional GET (If-None-Match) → 304',
  payload_graphql: "Payload's /api/graphql, select: true",
  payload_rest: 'Payload REST, depth=1 + select/populate',
  local_api: 'payload.find in-process (no HTTP), ops/s',
}

/** The run as a Markdown page: table, targets, query counts, scale, start-up, build, profile. */
export const renderMarkdown = (result: BenchResult, chart: string): string => {
  const { variants, machine, dataset } = result
  const raw = variants.raw.rps
  const lines: string[] = []
  lines.push(
    `# Public feed benchmark — ${result.mode} run, ${result.db}, tier ${dataset.tier}`,
    '',
    `${result.generated_at.slice(0, 16).replace('T', ' ')} UTC · commit ${machine.commit}${machine.uncommitted_changes ? ' (with uncommitted changes)' : ''} · ${machine.cpu} (${machine.cores} cores${machine.pinned ? '; servers pinned to CPU 1, load generator on CPU 0' : ''}) · Node ${machine.node} · Payload ${machine.payload} · Next ${machine.next} · ${machine.database} · run took ${Math.round(result.duration_s / 60)} min`,
    '',
    `Dataset: tier ${dataset.tier} (${dataset.description}), seed ${dataset.seed}; ${dataset.reused ? 'reused from an earlier run' : `loaded in ${fmt(dataset.load_ms / 1000, 1)} s`}; ` +
      (result.db === 'sqlite'
        ? 'SQLite statistics as the hub makes them (ANALYZE on start when there are none). '
        : 'PostgreSQL analyzed after loading. ') +
      `Query: the 20 newest published projects with their participants. ` +
      `autocannon, ${result.settings.connections} connections, ${result.settings.warmupSeconds} s warm-up + ${result.settings.seconds} s per cell, ` +
      `${result.settings.repetitions} interleaved rounds; medians.` +
      (machine.other_cpu_pct_max !== undefined
        ? ` Other processes used ${machine.other_cpu_pct_median} % (median) and at most ${machine.other_cpu_pct_max} % of the machine's CPU during the measured cells.`
        : ''),
    '',
    `![requests per second relative to raw](${chart})`,
    '',
    `| variant | what | req/s | × raw | p50 ms | p99 ms | errors | one answer alone, ms | body bytes | server RSS MB | server CPU ms/req |${result.db === 'postgres' ? ' PostgreSQL CPU ms/req |' : ''} same answer |`,
    `|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|${result.db === 'postgres' ? '--:|' : ''}:-:|`,
  )
  for (const name of variantNames) {
    const v = variants[name]
    const check = result.checks[name] ?? {}
    const same =
      check.same_answer === undefined
        ? name === 'feed_304'
          ? '304'
          : '–'
        : check.same_answer
          ? 'yes'
          : '**no**'
    lines.push(
      `| ${name} | ${what[name]}${v.connections !== result.settings.connections ? ` (**${v.connections} connection**)` : ''} | ${fmt(v.rps)} | ${fmt(v.rps / raw, 2)} | ${fmt(v.p50_ms, 1)} | ${fmt(v.p99_ms, 1)} | ${v.errors} | ${fmt(v.single_request_ms, 1)} | ${fmt(v.body_bytes)} | ${fmt(v.rss_mb)} | ${fmt(v.cpu_ms_per_request, 2)} |${result.db === 'postgres' ? ` ${fmt(v.db_cpu_ms_per_request, 2)} |` : ''} ${same} |`,
    )
  }
  lines.push('', '## Targets', '', '| target | this run | met |', '|---|---|:-:|')
  for (const target of result.targets) {
    lines.push(
      `| ${target.name} | ${target.value} | ${target.met === null ? '–' : target.met ? '✅' : '❌'} |`,
    )
  }
  lines.push(
    '',
    '## Database statements per request',
    '',
    "Counted at the driver in the server process (libSQL's `execute`/`batch`, pg's `Client.query`), over sequential requests; the hub's timers (feed revision poll, jobs queue) are counted apart.",
    '',
    '| variant | page size 10 | page size 100 | statements of one request (page size 10) |',
    '|---|--:|--:|---|',
  )
  for (const [name, sizes] of Object.entries(result.db_queries_per_request)) {
    const sample = result.db_queries_detail[name]?.page10?.sample ?? []
    const summary = sample
      .map((statement) => `\`${statement.slice(0, 70).replace(/\|/g, '\\|')}…\``)
      .join('<br>')
    lines.push(`| ${name} | ${fmt(sizes.page10, 1)} | ${fmt(sizes.page100, 1)} | ${summary} |`)
  }
  const oneK = result.scale['1k']?.p99_ms
  lines.push(
    '',
    '## Scale probe: the feed (cache off) at 1k, 10k and 100k projects',
    '',
    'Projects only (tier S organisations); documents 1…n are the same in all three databases.',
    '',
    '| projects | connections | req/s | p50 ms | p99 ms | p99 × 1k | one answer alone, ms | errors |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|',
  )
  for (const entry of Object.values(result.scale)) {
    lines.push(
      `| ${fmt(entry.projects)} | ${entry.connections} | ${fmt(entry.rps)} | ${fmt(entry.p50_ms, 1)} | ${fmt(entry.p99_ms, 1)} | ${oneK ? fmt(entry.p99_ms / oneK, 2) : '–'} | ${fmt(entry.single_request_ms, 1)} | ${entry.errors} |`,
    )
  }
  const build = result.build
  lines.push(
    '',
    '## Start-up and build',
    '',
    `- Boot → first feed answer (spawn of \`node --conditions=production --import tsx src/server.ts\` until \`/api/feed/graphql\` answered 200): **${fmt(result.boot_ms / 1000, 2)} s** (the second hub, started together with the raw server and the worker: ${fmt(result.boot.hub_cached_ms / 1000, 2)} s; raw server: ${fmt(result.boot.raw_ms / 1000, 2)} s). Servers start on both cores and are pinned once they answer.`,
    `- Peak RSS of the servers over the run: hub ${fmt(result.server_peak_rss_mb.hub)} MB, hub with cache ${fmt(result.server_peak_rss_mb.hub_cached)} MB, raw ${fmt(result.server_peak_rss_mb.raw)} MB.`,
    `- \`next build\`: **${fmt(build.ms / 1000, 1)} s**, peak RSS ${fmt(build.peak_rss_mb)} MB (largest process) / ${fmt(build.peak_tree_rss_mb)} MB (whole process tree)${build.reused ? ` — reused from ${build.measured_at} (same sources; quick mode)` : ''}.`,
  )
  if (result.profile) {
    const profile = result.profile
    lines.push(
      '',
      '## CPU profile of the feed variant (V8 sampling profiler, as `--cpu-prof` records it)',
      '',
      `Recorded in the hub (response cache off) over one ${result.settings.seconds} s load cell, start-up excluded: \`${profile.file}\` (open it in Chrome DevTools → Performance). ${fmt(profile.total_ms)} ms sampled, of which idle ${fmt(profile.special['(idle)'] ?? 0)} ms, GC ${fmt(profile.special['(garbage collector)'] ?? 0)} ms, VM (program) ${fmt(profile.special['(program)'] ?? 0)} ms; the profiler's own stop (${fmt(profile.special['(profiler)'] ?? 0)} ms) is left out. Percentages are of the busy time.`,
      '',
      '| self % | self ms | function | where |',
      '|--:|--:|---|---|',
      ...profile.top_functions.map(
        (entry) =>
          `| ${entry.self_pct} | ${fmt(entry.self_ms)} | \`${entry.name}\` | ${entry.where} |`,
      ),
      '',
      '| self % | package / folder |',
      '|--:|---|',
      ...profile.by_package.map((entry) => `| ${entry.self_pct} | ${entry.name} |`),
    )
  }
  if (result.notes.length) {
    lines.push('', '## Notes', '', ...result.notes.map((note) => `- ${note}`))
  }
  return `${lines.join('\n')}\n`
}

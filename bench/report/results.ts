import fs from 'node:fs'
import path from 'node:path'

import type { BuildFigures } from '../measure/build'
import type { ProfileSummary } from '../measure/profile'
import type { QueryCount } from '../drive/queryCounts'
import type { VariantName } from '../drive/variants'
import type { DatasetSpec } from '../dataset/generate'
import { resultsDir } from '../paths'
import { renderMarkdown } from './markdown'
import { renderRatiosSvg } from './svg'

export type VariantSummary = {
  rps: number
  p50_ms: number
  p99_ms: number
  errors: number
  /** Connections (or concurrent callers) it was measured with. */
  connections: number
  /** One answer alone, nothing queued, ms. */
  single_request_ms: number
  body_bytes?: number
  wire_bytes?: number
  rss_mb?: number | null
  cpu_ms_per_request?: number | null
  db_cpu_ms_per_request?: number | null
  runs: { rps: number; p50_ms: number; p99_ms: number; errors: number }[]
}

export type Target = {
  name: string
  /** The measured value, as text. */
  value: string
  /** null: could not be evaluated (a figure is missing). */
  met: boolean | null
}

export type ScaleEntry = {
  projects: number
  connections: number
  single_request_ms: number
  rps: number
  p50_ms: number
  p99_ms: number
  errors: number
  runs: { rps: number; p50_ms: number; p99_ms: number }[]
}

export type BenchResult = {
  generated_at: string
  mode: 'quick' | 'full'
  db: 'sqlite' | 'postgres'
  duration_s: number
  machine: Record<string, unknown>
  dataset: {
    tier: string
    seed: number
    spec: DatasetSpec
    description: string
    documents: Record<string, { total: number; published: number }>
    load_ms: number
    reused: boolean
    scale: { name: string; load_ms: number; reused: boolean }[]
  }
  settings: Record<string, unknown>
  variants: Record<VariantName, VariantSummary>
  checks: Record<string, Record<string, unknown>>
  db_queries_per_request: Record<
    'feed' | 'payload_graphql' | 'payload_rest',
    { page10: number; page100: number }
  >
  db_queries_detail: Record<string, Record<string, QueryCount>>
  scale: Record<string, ScaleEntry>
  boot_ms: number
  boot: Record<string, number>
  server_peak_rss_mb: Record<string, number | null>
  build: BuildFigures
  targets: Target[]
  profile: ProfileSummary | null
  notes: string[]
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN)
const times = (value: number) => `${value.toFixed(2)}×`

/** The targets, all from this one run. */
export const evaluateTargets = (
  result: Pick<BenchResult, 'variants' | 'db_queries_per_request' | 'scale'>,
): Target[] => {
  const { variants: v, db_queries_per_request: q, scale } = result
  const feedRaw = ratio(v.feed.rps, v.raw.rps)
  const feedGraphql = ratio(v.feed.rps, v.payload_graphql.rps)
  const feedRest = ratio(v.feed.rps, v.payload_rest.rps)
  const cachedRaw = ratio(v.feed_cached.rps, v.raw.rps)
  const p99Scale = ratio(scale['100k']?.p99_ms ?? NaN, scale['1k']?.p99_ms ?? NaN)
  const check = (value: number, ok: (value: number) => boolean) =>
    Number.isFinite(value) ? ok(value) : null
  return [
    { name: 'feed ≥ 0.5× raw', value: times(feedRaw), met: check(feedRaw, (x) => x >= 0.5) },
    {
      name: 'feed ≥ 5× payload_graphql',
      value: times(feedGraphql),
      met: check(feedGraphql, (x) => x >= 5),
    },
    { name: 'feed ≥ 3× payload_rest', value: times(feedRest), met: check(feedRest, (x) => x >= 3) },
    {
      name: 'feed_cached ≥ 2× raw',
      value: times(cachedRaw),
      met: check(cachedRaw, (x) => x >= 2),
    },
    {
      name: 'feed: ≤ 4 database statements per request, equal at page sizes 10 and 100',
      value: `${q.feed.page10} / ${q.feed.page100}`,
      met: q.feed.page10 <= 4 && q.feed.page100 <= 4 && q.feed.page10 === q.feed.page100,
    },
    scale['100k']?.rps === 0
      ? {
          name: 'feed p99 at 100k projects ≤ 1.5× p99 at 1k',
          value: `no answer at 100k completed within a cell (one answer alone: ${Math.round(scale['100k'].single_request_ms)} ms)`,
          met: false,
        }
      : {
          name: 'feed p99 at 100k projects ≤ 1.5× p99 at 1k',
          value: `${times(p99Scale)} (${scale['100k']?.p99_ms} ms vs ${scale['1k']?.p99_ms} ms)`,
          met: check(p99Scale, (x) => x <= 1.5),
        },
  ]
}

/** latest.{json,md} and ratios.svg, plus a copy of all three per database and mode. */
export const writeReports = (result: BenchResult): string[] => {
  fs.mkdirSync(resultsDir, { recursive: true })
  const json = `${JSON.stringify(result, null, 2)}\n`
  const copy = `${result.db}-${result.mode}`
  const files: [string, string][] = [
    ['latest.json', json],
    ['latest.md', renderMarkdown(result, 'ratios.svg')],
    ['ratios.svg', renderRatiosSvg(result)],
    [`${copy}.json`, json],
    [`${copy}.md`, renderMarkdown(result, `${copy}.svg`)],
    [`${copy}.svg`, renderRatiosSvg(result)],
  ]
  return files.map(([name, text]) => {
    const file = path.join(resultsDir, name)
    fs.writeFileSync(file, text)
    return file
  })
}

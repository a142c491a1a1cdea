import { parseArgs } from 'node:util'

import type { BenchDb } from './dataset/databases'
import { defaultSeed } from './dataset/generate'

export type Mode = {
  name: 'quick' | 'full'
  tier: 'S' | 'M'
  /** Repetitions of the interleaved round over all variants; medians are reported. */
  repetitions: number
  seconds: number
  warmupSeconds: number
  connections: number
  /** Sequential requests per query count, at most, and about how long they may take. */
  countRequests: number
  countMs: number
  /** Longest wait for a server to finish the requests a cell left behind. */
  settleSeconds: number
  scale: { repetitions: number; seconds: number; warmupSeconds: number }
}

export const modes: Record<'quick' | 'full', Mode> = {
  quick: {
    name: 'quick',
    tier: 'S',
    repetitions: 2,
    seconds: 3,
    warmupSeconds: 1,
    connections: 10,
    countRequests: 10,
    countMs: 2000,
    settleSeconds: 20,
    scale: { repetitions: 2, seconds: 3, warmupSeconds: 1 },
  },
  full: {
    name: 'full',
    tier: 'M',
    repetitions: 3,
    seconds: 15,
    warmupSeconds: 5,
    connections: 10,
    countRequests: 30,
    countMs: 5000,
    settleSeconds: 60,
    scale: { repetitions: 3, seconds: 10, warmupSeconds: 3 },
  },
}

export type Options = {
  mode: Mode
  db: BenchDb
  seed: number
  fresh: boolean
  pin: boolean
  profile: boolean
}

const usage = `npm run bench -- [--quick] [--db sqlite|postgres] [--tier S|M] [--fresh] [--no-pin] [--profile] [--seed N]
  --quick      at most 5 minutes: tier S, 2 repetitions of 3 s per variant
  --db         sqlite (default) or postgres (BENCH_POSTGRES_URI, default postgres://postgres@127.0.0.1:5432/test)
  --tier       dataset tier of the variants (quick: S, full: M)
  --fresh      regenerate the datasets even if identical ones are there
  --no-pin     do not pin the servers to CPU 1 and the load generator to CPU 0
  --profile    also record a --cpu-prof profile of the feed variant (automatic in full runs when a feed target is missed)
  --seed       dataset seed (default ${defaultSeed})`

export const readOptions = (argv = process.argv.slice(2)): Options => {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      db: { type: 'string', default: 'sqlite' },
      tier: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(usage)
    process.exit(0)
  }
  if (values.db !== 'sqlite' && values.db !== 'postgres') {
    throw new Error(`--db must be sqlite or postgres, got "${values.db}"\n${usage}`)
  }
  const mode = { ...modes[values.quick ? 'quick' : 'full'] }
  if (values.tier) {
    const tier = values.tier.toUpperCase()
    if (tier !== 'S' && tier !== 'M') throw new Error(`--tier must be S or M\n${usage}`)
    mode.tier = tier
  }
  return {
    mode,
    db: values.db,
    seed: values.seed ? Number(values.seed) : defaultSeed,
    fresh: values.fresh,
    pin: !values['no-pin'],
    profile: values.profile,
  }
}

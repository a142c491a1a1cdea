import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../paths'

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export type ProfileEntry = { name: string; where: string; self_ms: number; self_pct: number }
export type ProfileSummary = {
  file: string
  total_ms: number
  /** Time outside JavaScript: idle, GC, the VM's own work. */
  special: Record<string, number>
  top_functions: ProfileEntry[]
  /** Self time summed per package (node_modules/<name>) or project folder. */
  by_package: { name: string; self_ms: number; self_pct: number }[]
}

const packageOf = (url: string): string => {
  if (!url) return '(no script: builtins, addons, generated code)'
  if (url.startsWith('node:')) return 'node (core)'
  const match = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)
  if (match) return match.at(-1)!.replace('node_modules/', '')
  const file = url.replace('file://', '')
  const relative = path.relative(projectRoot, file)
  return relative.startsWith('..') ? file : relative.split(path.sep).slice(0, 2).join('/')
}

const shortWhere = (url: string, line: number) => {
  const file = url.replace('file://', '')
  const inModules = file.lastIndexOf('node_modules/')
  const shown =
    inModules >= 0
      ? file.slice(inModules + 'node_modules/'.length)
      : path.relative(projectRoot, file)
  return url ? `${shown}:${line + 1}` : ''
}

/** Self time per function of a V8 `.cpuprofile` (as `--cpu-prof` writes it). */
export const summariseProfile = (file: string, top = 25): ProfileSummary => {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  // The profiler's own stop (node:inspector, writing the profile) is not the server's work.
  const parents = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id)
  const underInspector = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      if (byId.get(at)!.callFrame.url === 'node:inspector') return true
    }
    return false
  }
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, index) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0))
  })
  const special: Record<string, number> = {}
  const functions = new Map<string, ProfileEntry>()
  const packages = new Map<string, number>()
  let total = 0
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame
    const ms = us / 1000
    if (underInspector(id)) {
      special['(profiler)'] = (special['(profiler)'] ?? 0) + ms
      continue
    }
    total += ms
    if (/^\((idle|garbage collector|program|root)\)$/.test(frame.functionName)) {
      special[frame.functionName] = (special[frame.functionName] ?? 0) + ms
      continue
    }
    const where = shortWhere(frame.url, frame.lineNumber)
    const key = `${frame.functionName}@${where}`
    const entry = functions.get(key) ?? {
      // No script URL: V8 or Node builtins, a native addon (libSQL runs SQLite itself in
      // there), or generated code (graphql-jit compiles queries with `new Function`).
      name: frame.url
        ? frame.functionName || '(anonymous)'
        : `${frame.functionName || '(anonymous)'} [no script]`,
      where,
      self_ms: 0,
      self_pct: 0,
    }
    entry.self_ms += ms
    functions.set(key, entry)
    const pkg = packageOf(frame.url)
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms)
  }
  // Percentages of the busy time (idle excluded), which is what a faster feed would save.
  const busy = total - (special['(idle)'] ?? 0)
  const pct = (ms: number) => Number(((100 * ms) / busy).toFixed(1))
  return {
    file: path.relative(projectRoot, file),
    total_ms: Math.round(total),
    special: Object.fromEntries(Object.entries(special).map(([k, v]) => [k, Math.round(v)])),
    top_functions: [...functions.values()]
      .sort((a, b) => b.self_ms - a.self_ms)
      .slice(0, top)
      .map((entry) => ({
        ...entry,
        self_ms: Math.round(entry.self_ms),
        self_pct: pct(entry.self_ms),
      })),
    by_package: [...packages.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, ms]) => ({ name, self_ms: Math.round(ms), self_pct: pct(ms) })),
  }
}

import fs from 'node:fs'

/** Resident memory of a process from /proc (Linux): now and its peak, in MB. */
export const memoryOf = (pid: number): { rss_mb: number; peak_rss_mb: number } | undefined => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1])
    return { rss_mb: kb('VmRSS') / 1024, peak_rss_mb: kb('VmHWM') / 1024 }
  } catch {
    return undefined
  }
}

/** CPU time (user + system, all threads) a process has used, in milliseconds. */
export const cpuMsOf = (pid: number): number => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return ticks * 10 // CLK_TCK is 100 on Linux
  } catch {
    return NaN
  }
}

/** Summed RSS of a process and all its descendants, in MB (for `next build`'s workers). */
export const treeRssMb = (root: number): number => {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    } catch {
      // gone meanwhile
    }
  }
  let total = 0
  const visit = (pid: number) => {
    const rss = memoryOf(pid)?.rss_mb
    // Zombies and kernel threads have no VmRSS.
    if (rss !== undefined && Number.isFinite(rss)) total += rss
    for (const child of children.get(pid) ?? []) visit(child)
  }
  visit(root)
  return total
}

/** Busy CPU time of the whole machine (all cores, all processes) so far, in milliseconds. */
export const machineBusyMs = (): number => {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]
    // cpu user nice system idle iowait irq softirq steal …
    const [user, nice, system, , , irq, softirq, steal] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number)
    return (user + nice + system + irq + softirq + steal) * 10
  } catch {
    return NaN
  }
}

/**
 * CPU time of all PostgreSQL server processes on this machine (their command is `postgres`),
 * in milliseconds: with PostgreSQL the database's share of a request runs there.
 */
export const postgresCpuMs = (): number => {
  let total = 0
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      if (command !== 'postgres') continue
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      total += (Number(fields[11]) + Number(fields[12])) * 10
    } catch {
      // gone meanwhile
    }
  }
  return total
}

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The advisory floor (`npm audit` needs an advisory service CI cannot reach): the installed
 * Payload family is one exact version, at or above every fixed version docs/security.md lists.
 */

const root = fileURLToPath(new URL('../..', import.meta.url))
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

type Version = [number, number, number]
const parse = (version: string): Version => {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  if (!match) throw new Error(`not an exact version: "${version}"`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]

/** The "Fixed in" column of the advisory table in docs/security.md. */
const fixedVersions = (): { advisory: string; fixedIn: string }[] => {
  const section = read('docs/security.md').split('## Advisory floor')[1]?.split('\n## ')[0] ?? ''
  return section
    .split('\n')
    .filter((line) => /^\|\s*GHSA-|^\|\s*CVE-/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ advisory: cells[1], fixedIn: cells[4] }))
}

const isPayloadFamily = (name: string) => name === 'payload' || name.startsWith('@payloadcms/')

describe('advisory floor', () => {
  it('[S33] pins payload and every @payloadcms package to one exact version at or above every listed fix', () => {
    const advisories = fixedVersions()
    expect(advisories.length).toBeGreaterThanOrEqual(20)
    const floor = advisories
      .map(({ fixedIn }) => parse(fixedIn))
      .reduce((highest, version) => (compare(version, highest) > 0 ? version : highest))

    // What package.json asks for, what the lock file installs, what node_modules holds.
    const manifest = JSON.parse(read('package.json')) as { dependencies: Record<string, string> }
    const requested = Object.entries(manifest.dependencies).filter(([name]) =>
      isPayloadFamily(name),
    )
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { version?: string }>
    }
    const locked = Object.entries(lock.packages)
      .map(([key, entry]) => [key.replace(/^.*node_modules\//, ''), entry.version ?? ''] as const)
      .filter(([name]) => isPayloadFamily(name))
    const installed = fs
      .readdirSync(path.join(root, 'node_modules', '@payloadcms'))
      .map((name) => `@payloadcms/${name}`)
      .concat('payload')
      .map((name) => {
        const file = path.join(root, 'node_modules', name, 'package.json')
        return [name, (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version]
      })

    expect(requested.length).toBeGreaterThanOrEqual(5)
    const versions = new Set([...requested, ...locked, ...installed].map(([, version]) => version))
    // One exact version: a range in package.json ("^3.90.1") would show up here too.
    expect([...versions]).toHaveLength(1)
    const [version] = [...versions]
    expect(compare(parse(version), floor)).toBeGreaterThanOrEqual(0)
  })
})

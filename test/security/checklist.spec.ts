import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * docs/security.md's checklist and the attack suite stay one: every row has a test titled with
 * its ID in the file the row names, and every ID a test uses is a row.
 */

const root = fileURLToPath(new URL('../..', import.meta.url))
const suiteDir = path.join(root, 'test', 'security')

const checklistRows = (): { id: string; file: string }[] => {
  const doc = fs.readFileSync(path.join(root, 'docs', 'security.md'), 'utf8')
  const section = doc.split('## Checklist')[1]?.split('\n## ')[0] ?? ''
  return section
    .split('\n')
    .filter((line) => /^\|\s*S\d+\s*\|/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ id: cells[1], file: cells[4].replace(/`/g, '') }))
}

/** IDs used in test titles (`it('[S01] …'`), per spec file. */
const titledIds = (): Map<string, Set<string>> => {
  const ids = new Map<string, Set<string>>()
  for (const file of fs.readdirSync(suiteDir).filter((name) => name.endsWith('.spec.ts'))) {
    const source = fs.readFileSync(path.join(suiteDir, file), 'utf8')
    for (const match of source.matchAll(/(?:it|test)(?:\.each\([^)]*\))?\(\s*['"`]\[(S\d+)\]/g)) {
      const id = match[1]
      if (!ids.has(id)) ids.set(id, new Set())
      ids.get(id)!.add(file.replace(/\.spec\.ts$/, ''))
    }
  }
  return ids
}

describe('security checklist', () => {
  it('has a test for every row, in the file the row names', () => {
    const rows = checklistRows()
    expect(rows.length).toBeGreaterThanOrEqual(30)
    const ids = titledIds()
    const missing = rows
      .filter(({ id, file }) => !ids.get(id)?.has(file))
      .map(({ id, file }) => `${id} in ${file}.spec.ts`)
    expect(missing).toEqual([])
  })

  it('uses no ID that is not a row', () => {
    const rows = new Set(checklistRows().map(({ id }) => id))
    expect([...titledIds().keys()].filter((id) => !rows.has(id))).toEqual([])
  })
})

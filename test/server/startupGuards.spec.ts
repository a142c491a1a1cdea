import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { runServerUntilExit } from '../helpers/startServer'

/** The server refuses to start on a configuration it cannot run safely, and says why. */
describe('start-up guards', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'itnet-guards-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('should refuse an unsupported DATABASE_URI', async () => {
    const { code, output } = await runServerUntilExit({
      NODE_ENV: 'production',
      DATABASE_URI: 'mysql://root@127.0.0.1/itnet',
      PAYLOAD_SECRET: 'x'.repeat(32),
    })
    expect(code).toBe(1)
    expect(output).toContain('Cannot start: DATABASE_URI has an unsupported scheme "mysql:"')
  })

  it('should refuse production without PAYLOAD_SECRET outside the embedded demo', async () => {
    const { code, output } = await runServerUntilExit({
      NODE_ENV: 'production',
      DATABASE_URI: `file:${path.join(dir, 'hub.db')}`,
      PAYLOAD_SECRET: '',
    })
    expect(code).toBe(1)
    expect(output).toContain('PAYLOAD_SECRET is not set')
    expect(fs.existsSync(path.join(dir, 'hub.db'))).toBe(false)
  })

  it('should refuse PAYLOAD_DROP_DATABASE in production', async () => {
    const { code, output } = await runServerUntilExit({
      NODE_ENV: 'production',
      DATABASE_URI: `file:${path.join(dir, 'keep.db')}`,
      PAYLOAD_SECRET: 'x'.repeat(32),
      PAYLOAD_DROP_DATABASE: 'true',
    })
    expect(code).toBe(1)
    expect(output).toContain('PAYLOAD_DROP_DATABASE')
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Uploads of a test run go to a directory of its own, never into the project's data/.
process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'itnet-media-'))
process.env.NEXT_TELEMETRY_DISABLED = '1'
// Quiet Payload's info logs unless a test run asks for them.
process.env.LOG_LEVEL ??= 'warn'

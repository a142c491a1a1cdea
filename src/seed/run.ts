import { getPayload } from 'payload'

import { buildHubConfig } from '../buildHubConfig'
import { closeDatabase } from '../database/closeDatabase'
import { ConfigurationError, readEnv } from '../env'
import { seed } from './seed'

/** `npm run seed`: loads the interview's content into the database `DATABASE_URI` names. */
const run = async () => {
  const env = readEnv()
  const payload = await getPayload({ config: buildHubConfig({ env }) })
  try {
    const report = await seed(payload, { demoUsers: env.seedDemo, demoPassword: env.demoPassword })
    console.log(`Seed: ${report.created} created, ${report.existing} already present.`)
  } finally {
    await closeDatabase(payload)
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigurationError ? error.message : error)
    process.exit(1)
  },
)

import { ConfigurationError, type HubEnv } from '../env'

/**
 * Payload's SQL adapters drop every table on connect when PAYLOAD_DROP_DATABASE=true and push
 * the schema over migrations when PAYLOAD_FORCE_DRIZZLE_PUSH=true, whatever the environment.
 * In production both would destroy or silently alter live data: every entry point (server,
 * seed, CLI) builds the config, so the refusal lives here.
 */
export const refuseDestructiveProductionSettings = (
  env: HubEnv,
  processEnv: NodeJS.ProcessEnv = process.env,
): void => {
  if (!env.production) return
  if (processEnv.PAYLOAD_DROP_DATABASE === 'true') {
    throw new ConfigurationError(
      'PAYLOAD_DROP_DATABASE=true would drop the database: refused in production.',
    )
  }
  if (processEnv.PAYLOAD_FORCE_DRIZZLE_PUSH === 'true') {
    throw new ConfigurationError(
      'PAYLOAD_FORCE_DRIZZLE_PUSH=true would push the schema past the migrations: refused in production.',
    )
  }
}

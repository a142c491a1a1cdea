import { buildHubConfig } from './buildHubConfig'
import { readEnv } from './env'

export default buildHubConfig({ env: readEnv() })

// `npm run generate:feed-schema`: writes the public feed's SDL from the schema the server builds.
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

import { printFeedSchema } from '../plugins/public-feed/schema/printFeedSchema'

const target = fileURLToPath(new URL('../plugins/public-feed/schema.graphql', import.meta.url))
fs.writeFileSync(target, printFeedSchema())
console.log(`Wrote ${target}`)

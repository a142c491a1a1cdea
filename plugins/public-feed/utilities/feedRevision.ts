import crypto from 'node:crypto'

import type { GlobalSlug, Payload, PayloadRequest } from 'payload'

import { revisionSlug } from '../defaults'

/**
 * A new random stamp in the write's own transaction: other processes see it once the write
 * commits, and not before (so none can cache the old answer under the new stamp).
 */
export const bumpFeedRevision = async (req: PayloadRequest): Promise<void> => {
  await req.payload.updateGlobal({
    slug: revisionSlug as GlobalSlug,
    data: {
      revision: `${Date.now().toString(36)}-${crypto.randomBytes(6).toString('hex')}`,
    } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** The stamp as stored; one small read, straight from the adapter. */
export const readFeedRevision = async (payload: Payload): Promise<string> => {
  const stored = (await payload.db.findGlobal({ slug: revisionSlug })) as
    { revision?: string | null } | undefined
  return stored?.revision ?? 'initial'
}

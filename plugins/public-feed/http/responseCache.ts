import crypto from 'node:crypto'

import { LRUCache } from 'lru-cache'

export type CachedResponse = {
  status: number
  headers: Record<string, string>
  body: Buffer
  etag: string
}

/** A strong validator: the same bytes always get the same tag. */
export const etagOf = (body: Buffer | string): string =>
  `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/**
 * Answers by request key, valid for one feed revision: entries filled under an older
 * revision are never served, and the whole cache is dropped when the revision moves on.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>
  private revision: string | undefined

  constructor(maxEntries: number) {
    this.entries = new LRUCache({
      max: maxEntries,
      // Keeps a flood of distinct queries from holding more than ~64 MB of answers.
      maxSize: 64 * 1024 * 1024,
      sizeCalculation: (entry) => entry.body.length + 256,
    })
  }

  /** Called with every revision seen; a new one empties the cache. */
  setRevision(revision: string): void {
    if (revision !== this.revision) {
      this.revision = revision
      this.entries.clear()
    }
  }

  get(key: string, revision: string): CachedResponse | undefined {
    return revision === this.revision ? this.entries.get(key) : undefined
  }

  /** Stores only when the answer was computed under the revision still current. */
  set(key: string, revision: string, entry: CachedResponse): void {
    if (revision === this.revision) this.entries.set(key, entry)
  }

  get size(): number {
    return this.entries.size
  }
}

import type { Payload } from 'payload'

import { readFeedRevision } from '../utilities/feedRevision'

/**
 * Follows the shared feed revision without a timer: a request finds out the current stamp,
 * reading it from the database only when the last read is older than the interval (one
 * read in flight at a time). Under load that is one small query per interval per process;
 * when idle, none. A failed read (database away) keeps the last known stamp.
 */
export class RevisionWatcher {
  private current: string | undefined
  private readAt = 0
  private inFlight: Promise<string> | undefined

  constructor(
    private readonly payload: Payload,
    private readonly intervalMs: number,
    private readonly onChange: (revision: string) => void,
  ) {}

  /** The stamp to key answers by, at most `intervalMs` old. */
  async revision(): Promise<string> {
    if (this.current !== undefined && Date.now() - this.readAt < this.intervalMs) {
      return this.current
    }
    this.inFlight ??= this.read().finally(() => {
      this.inFlight = undefined
    })
    return this.inFlight
  }

  /** Reads the stamp now. */
  async read(): Promise<string> {
    const started = Date.now()
    try {
      const revision = await readFeedRevision(this.payload)
      this.readAt = started
      if (revision !== this.current) {
        this.current = revision
        this.onChange(revision)
      }
    } catch (error) {
      this.payload.logger.warn({ err: error }, 'public feed: could not read the feed revision')
    }
    return this.current ?? 'unknown'
  }
}

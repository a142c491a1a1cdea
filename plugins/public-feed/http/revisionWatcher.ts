import type { Payload } from 'payload'

import { readFeedRevision } from '../utilities/feedRevision'

/**
 * Follows the shared feed revision: one small read per interval per process, none per
 * request. A failed read (database away) keeps the last known stamp and serves on.
 */
export class RevisionWatcher {
  private current: string | undefined
  private timer: NodeJS.Timeout | undefined
  private first: Promise<string> | undefined

  constructor(
    private readonly payload: Payload,
    private readonly intervalMs: number,
    private readonly onChange: (revision: string) => void,
  ) {}

  /** The stamp to key answers by; the first call reads it and starts the interval. */
  async revision(): Promise<string> {
    if (this.current !== undefined) return this.current
    this.first ??= this.read().then((revision) => {
      this.timer = setInterval(() => void this.read(), this.intervalMs)
      // The watcher never keeps a process alive on its own.
      this.timer.unref()
      return revision
    })
    return this.first
  }

  /** Reads now (tests, and after a local write that wants its own purge at once). */
  async read(): Promise<string> {
    try {
      const revision = await readFeedRevision(this.payload)
      if (revision !== this.current) {
        this.current = revision
        this.onChange(revision)
      }
    } catch (error) {
      this.payload.logger.warn({ err: error }, 'public feed: could not read the feed revision')
    }
    return this.current ?? 'unknown'
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }
}

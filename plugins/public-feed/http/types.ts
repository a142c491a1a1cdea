import type { FeedRuntime } from './feedRuntime'

/** A request as the feed sees it, whether Express or Payload's endpoint received it. */
export type FeedRequest = {
  method: string
  url: URL
  header: (name: string) => string | undefined
  /** The raw body of a POST, as text. */
  body?: string
}

export type FeedResponse = {
  status: number
  headers: Record<string, string>
  body: string | Buffer | null
}

/** One public route under `/api` (e.g. `/feed/events.ics`), served by both hosts. */
export type FeedRoute = {
  method: 'get' | 'post'
  path: string
  /** Answers may be kept in the response cache (keyed by the full URL and revision). */
  cacheable: boolean
  handle: (request: FeedRequest, runtime: FeedRuntime) => Promise<FeedResponse>
}

import { createHash } from 'node:crypto'

import type { CollectionSlug, PayloadRequest, TaskConfig } from 'payload'

import { deliverWebhookTaskSlug, deliveriesSlug, webhooksSlug } from '../defaults'
import type { WebhookEvent } from './queueDeliveries'
import { signBody, signatureHeader } from './signature'

export type DeliverWebhookInput = { webhook: string; event: WebhookEvent }

type Outcome = 'delivered' | 'failed'
type DeliverWebhookOutput = { outcome: Outcome | 'skipped' | 'refused' }

type Subscription = {
  id: number | string
  name: string
  url: string
  secret: string
  types?: string[] | null
  active?: boolean | null
}

type Attempt = {
  outcome: Outcome
  responseStatus?: number
  error?: string
  durationMs?: number
}

/** How long a receiver may take to answer before the attempt counts as failed. */
export const webhookTimeoutMs = 10_000

/**
 * Five retries after the first attempt, 10 s, 20 s, 40 s, 80 s and 160 s later: a receiver
 * that is redeployed or briefly down still gets the event; one that is gone stops costing.
 */
export const webhookRetries = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
} satisfies TaskConfig['retries']

export const webhookUserAgent = 'itnet-hub-webhooks'
export const eventHeader = 'X-Feed-Event'
export const deliveryHeader = 'X-Feed-Delivery'

/** Same on every retry of one job, so receivers can drop a duplicate they already handled. */
const deliveryIdOf = (job: { id: number | string; createdAt: string }): string =>
  createHash('sha256').update(`${job.id}|${job.createdAt}`).digest('hex').slice(0, 32)

const isHttpUrl = (value: string): boolean => {
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** The failure's own words, without the request (whose headers carry the signature). */
const describeError = (error: unknown): string => {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `no answer within ${webhookTimeoutMs / 1000} s`
  }
  if (error instanceof Error) {
    // undici says only "fetch failed"; the cause names it (ECONNREFUSED, ENOTFOUND, …).
    const cause = (error.cause as { code?: string; message?: string } | undefined) ?? {}
    const detail = cause.code ?? cause.message
    return detail ? `${error.message} (${detail})` : error.message
  }
  return String(error)
}

const post = async (url: string, body: string, headers: Record<string, string>) => {
  const started = performance.now()
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      // A redirect is an answer to fix at the receiver, not one to follow with the body.
      redirect: 'manual',
      signal: AbortSignal.timeout(webhookTimeoutMs),
    })
    // Nothing of the answer is kept but its status; release the connection.
    await response.body?.cancel().catch(() => undefined)
    const durationMs = Math.round(performance.now() - started)
    return response.ok
      ? { outcome: 'delivered' as const, responseStatus: response.status, durationMs }
      : {
          outcome: 'failed' as const,
          responseStatus: response.status,
          error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
          durationMs,
        }
  } catch (error) {
    const durationMs = Math.round(performance.now() - started)
    return { outcome: 'failed' as const, error: describeError(error), durationMs }
  }
}

const recordAttempt = async (
  req: PayloadRequest,
  subscription: Subscription,
  event: WebhookEvent,
  attempt: number,
  deliveryId: string,
  result: Attempt,
) => {
  await req.payload.create({
    collection: deliveriesSlug as CollectionSlug,
    data: {
      webhook: subscription.id,
      action: event.action,
      type: event.type,
      slug: event.slug,
      locale: event.locale,
      attempt,
      deliveryId,
      ...result,
      body: event,
    } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

const task: TaskConfig<{ input: DeliverWebhookInput; output: DeliverWebhookOutput }> = {
  slug: deliverWebhookTaskSlug,
  label: 'Deliver a feed webhook',
  retries: webhookRetries,
  inputSchema: [
    { name: 'webhook', type: 'text', required: true },
    {
      name: 'event',
      type: 'group',
      fields: [
        { name: 'type', type: 'text', required: true },
        { name: 'slug', type: 'text', required: true },
        { name: 'locale', type: 'text' },
        { name: 'action', type: 'text', required: true },
        { name: 'at', type: 'text', required: true },
      ],
    },
  ],
  handler: async ({ input, job, req }) => {
    const subscription = (await req.payload.findByID({
      collection: webhooksSlug as CollectionSlug,
      id: input.webhook,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })) as unknown as Subscription | null
    // The subscription as it is now decides: one deleted, paused or narrowed since the change
    // was queued hears nothing more.
    if (!subscription || !subscription.active) return { output: { outcome: 'skipped' } }
    if (subscription.types && !subscription.types.includes(input.event.type)) {
      return { output: { outcome: 'skipped' } }
    }

    const { type, slug, locale, action, at } = input.event
    const event: WebhookEvent = { type, slug, locale: locale ?? null, action, at }
    const attempt = (job.totalTried ?? 0) + 1

    // The collection validates the URL; a row written past validation must still not make
    // the server open file:, data: or other schemes. Retrying cannot fix it.
    if (!isHttpUrl(subscription.url)) {
      await recordAttempt(req, subscription, event, attempt, deliveryIdOf(job), {
        outcome: 'failed',
        error: 'refused: the webhook URL is not an http(s) address',
      })
      return { output: { outcome: 'refused' } }
    }

    // Serialized once: these bytes are signed and sent, so the receiver can verify them.
    const body = JSON.stringify(event)
    const result = await post(subscription.url, body, {
      'Content-Type': 'application/json',
      'User-Agent': webhookUserAgent,
      [eventHeader]: action,
      [deliveryHeader]: deliveryIdOf(job),
      [signatureHeader]: signBody(body, subscription.secret),
    })
    await recordAttempt(req, subscription, event, attempt, deliveryIdOf(job), result)
    if (result.outcome === 'failed') {
      // Thrown so the jobs queue retries with backoff; names the subscription, never its secret.
      throw new Error(
        `Webhook "${subscription.name}" (${String(subscription.id)}), attempt ${attempt}: ${result.error}`,
      )
    }
    return { output: { outcome: 'delivered' } }
  },
}

/**
 * Sends one change to one subscriber: a signed JSON POST, one delivery-log row per attempt,
 * retried by the jobs queue with exponential backoff until the receiver answers 2xx.
 */
// Plugin tasks are not in the host's generated job types, hence the cast.
export const deliverWebhookTask = task as unknown as TaskConfig

import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header every delivery carries, named and formatted as GitHub's webhooks do. */
export const signatureHeader = 'X-Hub-Signature-256'

const prefix = 'sha256='

/** `sha256=<hex HMAC-SHA256 of body>`: sign the exact bytes that are sent, never a re-encoding. */
export const signBody = (body: string | Uint8Array, secret: string): string =>
  `${prefix}${createHmac('sha256', secret).update(body).digest('hex')}`

/**
 * Whether `header` is the signature of `body` with `secret`, for receivers (and tests). Pass the
 * raw request body: parsing and re-serializing JSON changes the bytes.
 */
export const verifySignature = (
  body: string | Uint8Array,
  secret: string,
  header: string | readonly string[] | null | undefined,
): boolean => {
  // A repeated header is not something we send: refuse rather than pick one.
  if (typeof header !== 'string') return false
  const expected = Buffer.from(signBody(body, secret))
  const received = Buffer.from(header)
  // Constant time, so the comparison does not reveal how much of a forgery was right; the
  // length is public (always 71 bytes) and timingSafeEqual throws on unequal lengths.
  return received.length === expected.length && timingSafeEqual(received, expected)
}

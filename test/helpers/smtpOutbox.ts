import { SMTPServer } from 'smtp-server'

import { freePort } from './startServer'

export type CapturedMail = { from: string; to: string[]; subject: string; raw: string }

/**
 * A real SMTP server on a free local port that keeps what it receives: tests read the outbox
 * the hub actually sent to, over SMTP. `stop`/`start` simulate an outage.
 */
export const startSmtpOutbox = async () => {
  const port = await freePort()
  const messages: CapturedMail[] = []
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = ''
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
        stream.on('end', () => {
          const subject = decodeHeader(raw.match(/^Subject: (.*(?:\r\n[ \t].*)*)/m)?.[1] ?? '')
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject,
            raw,
          })
          callback()
        })
      },
    })
  let server = create()
  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  await listen()
  return {
    port,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: async () => {
      server = create()
      await listen()
    },
  }
}

/** Decodes RFC 2047 encoded words (nodemailer encodes non-ASCII subjects). */
const decodeHeader = (value: string) =>
  value
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (__, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    )

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'

import type { HubEnv } from '../env'

/** Mail over the SMTP server the environment names (SMTP_*, EMAIL_FROM). */
export const smtpEmailAdapter = ({ smtp }: HubEnv) =>
  nodemailerAdapter({
    defaultFromAddress: smtp.from,
    defaultFromName: smtp.fromName,
    // Verifying at start would delay or fail the start when the mail server is away;
    // the jobs queue retries the mails instead.
    skipVerify: true,
    transportOptions: {
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
    },
  })

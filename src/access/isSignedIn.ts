import type { PayloadRequest } from 'payload'

/** Any user of the hub: admin, editor or member (also the admin panel's entry rule). */
export const isSignedIn = ({ req: { user } }: { req: PayloadRequest }): boolean => Boolean(user)

/** Payload's GraphQL mutations on the users collection that check a password or send a mail. */
export const authMutationNames = new Set([
  'loginUser',
  'forgotPasswordUser',
  'resetPasswordUser',
  'unlockUser',
])

const mentionsAuthMutation = new RegExp(`\\b(${[...authMutationNames].join('|')})\\b`)

/** Whether a query text may run an auth mutation (cheap; the validation rule is exact). */
export const mayRunAuthMutation = (query: unknown): boolean =>
  typeof query === 'string' && mentionsAuthMutation.test(query)

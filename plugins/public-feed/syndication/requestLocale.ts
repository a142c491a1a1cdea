import type { FeedErrorCode } from '../resolvers/errors'
import type { FeedLocale } from '../resolvers/context'
import type { FeedRequest, FeedResponse } from '../http/types'

const locales: readonly FeedLocale[] = ['de', 'en']

export type LocaleChoice = { locale: FeedLocale } | { refused: FeedResponse }

/** A refusal in the GraphQL feed's error shape, so clients handle both the same way. */
export const badRequest = (
  message: string,
  code: FeedErrorCode = 'BAD_USER_INPUT',
): FeedResponse => ({
  status: 400,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
})

/** `?locale=de|en`, German when absent; anything else is refused rather than guessed. */
export const requestLocale = (request: FeedRequest): LocaleChoice => {
  const wanted = request.url.searchParams.get('locale')
  if (wanted === null) return { locale: 'de' }
  const locale = locales.find((candidate) => candidate === wanted)
  if (locale) return { locale }
  return {
    refused: badRequest(`Unknown locale "${wanted}" (query parameter "locale"): use "de" or "en".`),
  }
}

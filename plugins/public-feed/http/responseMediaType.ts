/**
 * The media type of a successful answer, chosen from `Accept` the way graphql-http chooses it
 * (which has already refused requests that accept neither): the first acceptable entry wins.
 */
export const responseMediaType = (
  accept: string | undefined,
): 'application/graphql-response+json' | 'application/json' => {
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [mediaType] = entry.split(';')
    if (mediaType === 'application/graphql-response+json') return mediaType
    if (mediaType === 'application/json' || mediaType === 'application/*' || mediaType === '*/*') {
      return 'application/json'
    }
  }
  return 'application/json'
}

import { feedFiles, syndicationFeed, type SyndicationFeedInput } from './syndicationFeed'
import { syndicationRoute } from './syndicationRoute'

type JsonFeedAuthor = { name?: string; url?: string; avatar?: string }
type JsonFeedObject = { author?: JsonFeedAuthor; [key: string]: unknown }
type JsonFeed = JsonFeedObject & { items: JsonFeedObject[] }

// 1.1 replaced the single `author` by an `authors` list.
const withAuthors = ({ author, ...rest }: JsonFeedObject): JsonFeedObject =>
  author ? { ...rest, authors: [author] } : rest

/**
 * `feed` 6 writes JSON Feed 1 only; this lifts its output to 1.1: version, `authors`, the
 * feed's `language`, and `summary` as the plain text the format asks for.
 */
export const toJsonFeed11 = (version1: string, { locale, items }: SyndicationFeedInput): string => {
  const { items: versionOneItems, ...head } = JSON.parse(version1) as JsonFeed
  return JSON.stringify(
    {
      ...withAuthors(head),
      version: 'https://jsonfeed.org/version/1.1',
      language: locale,
      items: versionOneItems.map((item, index) => ({
        ...withAuthors(item),
        // Every item needs a content: an item with neither text nor summary has it empty.
        content_html: item.content_html ?? '',
        summary: items[index]?.summary ?? undefined,
      })),
    },
    null,
    2,
  )
}

/** `GET /api/feed/feed.json`: JSON Feed 1.1. */
export const jsonFeedRoute = syndicationRoute(feedFiles.json, 'application/feed+json', (input) =>
  toJsonFeed11(syndicationFeed(input).json1(), input),
)

import { findPublished, pickLocale, type StoredDoc } from '../data/readPublished'
import type { FeedRequest } from '../http/types'
import type { FeedRuntime } from '../http/feedRuntime'
import type { FeedLocale } from '../resolvers/context'
import { editorStateOf } from '../resolvers/richText'
import { contentHtml } from '../utilities/contentHtml'

/** Most items in one feed; readers only look for what is new since their last visit. */
export const maxSyndicationItems = 50

/** A published project or story as the RSS, Atom and JSON feeds show it. */
export type SyndicationItem = {
  kind: 'projects' | 'stories'
  slug: string
  url: string
  title: string
  /** Plain text: the project's summary or the story's excerpt. */
  summary: string | null
  html: string
  publishedAt: Date
  updatedAt: Date
}

// The summary field of each kind, and where the website shows it.
const kinds = [
  { kind: 'projects', summary: 'summary', path: 'projects' },
  { kind: 'stories', summary: 'excerpt', path: 'stories' },
] as const

/** Where item links point: the site's own pages, else this server. */
export const homepageOf = (request: FeedRequest, runtime: FeedRuntime): string =>
  (runtime.settings.site.homepage ?? runtime.publicUrl(request)).replace(/\/+$/, '')

const newestFirst = (a: SyndicationItem, b: SyndicationItem): number =>
  b.publishedAt.getTime() - a.publishedAt.getTime() ||
  a.kind.localeCompare(b.kind) ||
  a.slug.localeCompare(b.slug)

/** The newest published projects and stories together, by first publication. */
export const syndicationItems = async (
  runtime: FeedRuntime,
  homepage: string,
  locale: FeedLocale,
): Promise<SyndicationItem[]> => {
  const lists = await Promise.all(
    kinds.map(async ({ kind, summary, path }) => {
      // Only the newest of each kind can be among the newest of both.
      const docs = await findPublished(runtime.payload, kind, {
        where: { publishedAt: { exists: true } },
        sort: ['-publishedAt', '-id'],
        limit: maxSyndicationItems,
        select: {
          slug: true,
          title: true,
          [summary]: true,
          body: true,
          publishedAt: true,
          updatedAt: true,
        },
      })
      return docs.map((doc: StoredDoc): SyndicationItem => {
        const slug = String(doc.slug)
        const body = editorStateOf(pickLocale(doc.body, locale))
        return {
          kind,
          slug,
          url: `${homepage}/${path}/${slug}`,
          title: pickLocale<string>(doc.title, locale) ?? slug,
          summary: pickLocale<string>(doc[summary], locale),
          html: body ? contentHtml(body, homepage) : '',
          publishedAt: new Date(String(doc.publishedAt)),
          updatedAt: new Date(String(doc.updatedAt)),
        }
      })
    }),
  )
  return lists.flat().sort(newestFirst).slice(0, maxSyndicationItems)
}

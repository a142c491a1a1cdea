import { Feed } from 'feed'

import type { FeedRuntime } from '../http/feedRuntime'
import type { FeedRequest } from '../http/types'
import type { FeedLocale } from '../resolvers/context'
import { escapeHtml } from '../utilities/contentHtml'
import type { SyndicationItem } from './syndicationItems'

/** The three formats and the file name each is served under (below `/api/feed/`). */
export const feedFiles = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const

const kindLabels: Record<SyndicationItem['kind'], Record<FeedLocale, string>> = {
  projects: { de: 'Projekt', en: 'Project' },
  stories: { de: 'Projektgeschichte', en: 'Project story' },
}

export type SyndicationFeedInput = {
  request: FeedRequest
  runtime: FeedRuntime
  locale: FeedLocale
  homepage: string
  items: SyndicationItem[]
  /** Atom declares titles as HTML (`type="html"`), so their text must be escaped there. */
  htmlTitles?: boolean
}

/**
 * One `feed` instance for all three formats. Dates come from the content, never from the
 * clock: the same content gives the same bytes, and with them the same ETag.
 */
export const syndicationFeed = ({
  request,
  runtime,
  locale,
  homepage,
  items,
  htmlTitles = false,
}: SyndicationFeedInput): Feed => {
  const { site } = runtime.settings
  const query = locale === 'de' ? '' : `?locale=${locale}`
  const self = (file: string) => `${runtime.publicUrl(request)}/api/feed/${file}${query}`
  const updated = new Date(Math.max(0, ...items.map((item) => item.updatedAt.getTime())))
  const feed = new Feed({
    // Only Atom names the feed by an id; its own address is one that never changes.
    id: self(feedFiles.atom),
    title: site.title,
    description: site.description,
    link: homepage,
    language: locale,
    updated,
    feedLinks: {
      rss: self(feedFiles.rss),
      atom: self(feedFiles.atom),
      json: self(feedFiles.json),
    },
    author: { name: site.title, link: homepage },
  })
  for (const item of items) {
    feed.addItem({
      id: item.url,
      link: item.url,
      title: htmlTitles ? escapeHtml(item.title) : item.title,
      date: item.updatedAt,
      published: item.publishedAt,
      // RSS descriptions and Atom summaries are HTML; the stored summary is plain text.
      description: item.summary ? escapeHtml(item.summary) : undefined,
      content: item.html || undefined,
      category: [{ name: kindLabels[item.kind][locale] }],
    })
  }
  return feed
}

import type { CollectionSlug, ServerProps } from 'payload'
import React from 'react'

type Props = ServerProps & {
  /** The workflow collections and the state that means "waiting for an editor". */
  collections: string[]
  reviewState: string
}

/**
 * On the dashboard: what waits for review, as the signed-in user may see it (editors: all;
 * members: their own organisation's), with links to the documents.
 */
export const AwaitingReview = async ({ payload, user, collections, reviewState, i18n }: Props) => {
  if (!user) return null
  const german = i18n?.language !== 'en'
  const groups = await Promise.all(
    collections.map(async (slug) => {
      const collection = payload.collections[slug as CollectionSlug]
      const result = await payload.find({
        collection: slug as CollectionSlug,
        where: { 'workflow.state': { equals: reviewState } },
        draft: true,
        depth: 0,
        limit: 20,
        user,
        overrideAccess: false,
      })
      const titleField = collection?.config.admin?.useAsTitle ?? 'id'
      return {
        slug,
        docs: result.docs as unknown as Record<string, unknown>[],
        total: result.totalDocs,
        titleField,
      }
    }),
  )
  const total = groups.reduce((sum, group) => sum + group.total, 0)
  const adminRoute = payload.config.routes.admin
  return (
    <section
      className="awaiting-review"
      data-testid="awaiting-review"
      style={{ marginBottom: '2rem' }}
    >
      <h2>
        {german ? 'Wartet auf Prüfung' : 'Awaiting review'} ({total})
      </h2>
      {total === 0 ? <p>{german ? 'Nichts offen.' : 'Nothing waiting.'}</p> : null}
      {groups
        .filter((group) => group.total > 0)
        .map((group) => (
          <ul key={group.slug}>
            {group.docs.map((doc) => (
              <li key={String(doc.id)}>
                <a href={`${adminRoute}/collections/${group.slug}/${String(doc.id)}`}>
                  {String(doc[group.titleField] ?? doc.id)}
                </a>{' '}
                <small>({group.slug})</small>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}

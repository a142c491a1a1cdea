import type { Plugin } from 'payload'

import { organisationOf } from '../src/access/organisationOf'
import { isEditorUser } from '../src/access/roles'
import type { HubEnv } from '../src/env'
import { approvalWorkflow } from './approval-workflow'
import { publicFeed } from './public-feed'

/** The hub's own plugins: the workflow decides what is published, the feed serves it. */
export const hubPlugins = (env: HubEnv): Plugin[] => [
  // Members' stories and members' changes to their own profile go through review.
  approvalWorkflow({
    collections: {
      stories: { organisationField: 'member' },
      members: { organisationField: 'id' },
    },
    isEditor: isEditorUser,
    organisationOf,
    scheduleCron: env.jobsCron,
    editorEmails: async (req) => {
      const editors = await req.payload.find({
        collection: 'users',
        where: { role: { in: ['editor', 'admin'] } },
        pagination: false,
        depth: 0,
        overrideAccess: true,
        req,
      })
      return editors.docs.map((user) => user.email)
    },
  }),
  publicFeed({
    production: env.production,
    serverUrl: env.serverUrl,
    limits: { rateLimitPerMinute: env.feed.rateLimitPerMinute, maxCost: env.feed.maxCost },
    cacheControl: { maxAge: env.feed.maxAge, staleWhileRevalidate: env.feed.staleWhileRevalidate },
    responseCache: { enabled: env.feed.responseCache },
    webhookCron: env.jobsCron,
    site: { homepage: env.feed.siteUrl },
  }),
]

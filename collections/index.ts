import type { CollectionConfig } from 'payload'

import { Events } from './Events'
import { Media } from './Media'
import { Members } from './Members'
import { Partners } from './Partners'
import { Projects } from './Projects'
import { Stories } from './Stories'
import { Users } from './Users'
import { WorkingGroups } from './WorkingGroups'
import { capPageSize } from './shared/hooks/capPageSize'
import { refuseStaleUpdates } from './shared/hooks/refuseStaleUpdates'

/** Rules of every hub collection: capped pages, no lost updates. */
const withSharedRules = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [
      capPageSize,
      refuseStaleUpdates,
      ...(collection.hooks?.beforeOperation ?? []),
    ],
  },
})

/** The hub's content model, in the order the admin navigation shows it. */
export const collections: CollectionConfig[] = [
  Projects,
  Events,
  Stories,
  Members,
  Partners,
  WorkingGroups,
  Media,
  Users,
].map(withSharedRules)

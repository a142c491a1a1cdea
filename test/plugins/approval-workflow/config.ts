import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import {
  buildConfig,
  type Access,
  type CollectionSlug,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

import { approvalWorkflow, type ApprovalWorkflowOptions } from '../../../plugins/approval-workflow'
import { createDatabaseAdapter } from '../../../src/database/createDatabaseAdapter'
import { parseDatabaseUri } from '../../../src/database/parseDatabaseUri'
import type { HubEnv } from '../../../src/env'

/**
 * The smallest config that shows the plugin on any collection: users with a role and an
 * organisation, organisations, and `articles` under review. Nothing of the hub.
 */
// This config's own slugs are not in the hub's generated types.
const orgs = 'orgs' as CollectionSlug

type User = { role?: string; org?: unknown } | null | undefined
const isEditor = (user: User) => user?.role === 'editor' || user?.role === 'admin'
const orgOf = (user: User) => {
  if (!user || user.role !== 'member' || user.org == null) return undefined
  return typeof user.org === 'object'
    ? (user.org as { id: number | string }).id
    : (user.org as number | string)
}

const articleRead: Access = ({ req: { user } }) => {
  if (isEditor(user)) return true
  const org = orgOf(user)
  const published = { _status: { equals: 'published' } }
  return org === undefined ? published : { or: [published, { org: { equals: org } }] }
}
const ownOrEditor: Access = ({ req: { user } }) => {
  if (isEditor(user)) return true
  const org = orgOf(user)
  return org === undefined ? false : { org: { equals: org } }
}

export const workflowOptions: ApprovalWorkflowOptions = {
  collections: { articles: { organisationField: 'org' } },
  isEditor: (user: PayloadRequest['user']) => isEditor(user as User),
  organisationOf: (user: PayloadRequest['user']) => orgOf(user as User),
  // Every second, so that a scheduled publication can be watched happening.
  scheduleCron: '* * * * * *',
  editorEmails: async (req) => {
    const editors = await req.payload.find({
      collection: 'users',
      where: { role: { in: ['editor', 'admin'] } },
      pagination: false,
      depth: 0,
      req,
    })
    return editors.docs.map((user) => user.email)
  },
}

export const workflowTestConfig = (
  env: HubEnv,
  secret: string,
  overrides: Partial<ApprovalWorkflowOptions> = {},
): Promise<SanitizedConfig> =>
  buildConfig({
    secret,
    telemetry: false,
    db: createDatabaseAdapter(parseDatabaseUri(env.databaseUri)),
    // A suite that reads the outbox names its SMTP port.
    ...(process.env.WORKFLOW_TEST_SMTP_PORT
      ? {
          email: nodemailerAdapter({
            defaultFromAddress: 'hub@itnet.example',
            defaultFromName: 'ITnet Hub',
            skipVerify: true,
            transportOptions: {
              host: '127.0.0.1',
              port: Number(process.env.WORKFLOW_TEST_SMTP_PORT),
              secure: false,
              ignoreTLS: true,
            },
          }),
        }
      : {}),
    typescript: { autoGenerate: false },
    collections: [
      {
        slug: 'users',
        auth: true,
        access: {
          read: ({ req: { user } }) => Boolean(user),
          create: () => false,
          update: () => false,
          delete: () => false,
        },
        fields: [
          { name: 'role', type: 'select', options: ['admin', 'editor', 'member'], required: true },
          { name: 'org', type: 'relationship', relationTo: orgs },
        ],
      },
      {
        slug: 'orgs',
        access: { read: () => true, create: () => false, update: () => false, delete: () => false },
        fields: [{ name: 'name', type: 'text', required: true }],
      },
      {
        slug: 'articles',
        admin: { useAsTitle: 'title' },
        versions: { drafts: true },
        access: {
          read: articleRead,
          create: ({ req: { user } }) => isEditor(user) || orgOf(user) !== undefined,
          update: ownOrEditor,
          delete: ownOrEditor,
        },
        fields: [
          { name: 'title', type: 'text', required: true },
          { name: 'body', type: 'textarea' },
          {
            name: 'org',
            type: 'relationship',
            relationTo: orgs,
            required: true,
          },
        ],
      },
    ],
    plugins: [approvalWorkflow({ ...workflowOptions, ...overrides })],
  })

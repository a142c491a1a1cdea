import { adminOnly, hiddenFromNonAdmins, isAdminUser } from '../access/adminOnly'
import type { CollectionConfig, CollectionSlug } from 'payload'

import { deliveriesSlug, feedCollections, webhooksSlug } from '../defaults'

const adminGroup = { de: 'Öffentlicher Feed', en: 'Public feed' }

/** Frontends that render statically subscribe here to hear of every visible change. */
export const webhooksCollection: CollectionConfig = {
  slug: webhooksSlug,
  labels: {
    singular: { de: 'Webhook', en: 'Webhook' },
    plural: { de: 'Webhooks', en: 'Webhooks' },
  },
  admin: {
    group: adminGroup,
    hidden: hiddenFromNonAdmins,
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'types', 'active'],
  },
  access: {
    admin: ({ req }) => isAdminUser(req.user),
    read: adminOnly,
    readVersions: adminOnly,
    create: adminOnly,
    update: adminOnly,
    delete: adminOnly,
    unlock: adminOnly,
  },
  fields: [
    { name: 'name', type: 'text', label: { de: 'Name', en: 'Name' }, required: true },
    {
      name: 'url',
      type: 'text',
      label: { de: 'Adresse (POST)', en: 'URL (POST)' },
      required: true,
      validate: (value: string | null | undefined) => {
        try {
          const url = new URL(value ?? '')
          return url.protocol === 'https:' || url.protocol === 'http:'
            ? true
            : 'The webhook URL must start with https:// or http://.'
        } catch {
          return 'The webhook URL must be an absolute http(s) address.'
        }
      },
    },
    {
      name: 'secret',
      type: 'text',
      label: { de: 'Geheimnis (HMAC-SHA256)', en: 'Secret (HMAC-SHA256)' },
      required: true,
      minLength: 16,
      admin: {
        description: {
          de: 'Jede Zustellung trägt X-Hub-Signature-256: sha256=<HMAC des Körpers mit diesem Geheimnis>.',
          en: 'Every delivery carries X-Hub-Signature-256: sha256=<HMAC of the body with this secret>.',
        },
      },
    },
    {
      name: 'types',
      type: 'select',
      label: { de: 'Inhaltsarten', en: 'Content types' },
      hasMany: true,
      required: true,
      defaultValue: [...feedCollections],
      options: feedCollections.map((value) => ({ value, label: value })),
    },
    {
      name: 'active',
      type: 'checkbox',
      label: { de: 'Aktiv', en: 'Active' },
      defaultValue: true,
    },
  ],
}

/** One row per delivery attempt: what was sent where, and how the receiver answered. */
export const deliveriesCollection: CollectionConfig = {
  slug: deliveriesSlug,
  labels: {
    singular: { de: 'Webhook-Zustellung', en: 'Webhook delivery' },
    plural: { de: 'Webhook-Zustellungen', en: 'Webhook deliveries' },
  },
  admin: {
    group: adminGroup,
    hidden: hiddenFromNonAdmins,
    defaultColumns: ['webhook', 'action', 'type', 'slug', 'outcome', 'responseStatus', 'createdAt'],
  },
  defaultSort: '-createdAt',
  access: {
    admin: ({ req }) => isAdminUser(req.user),
    read: adminOnly,
    readVersions: () => false,
    // written by the delivery task only
    create: () => false,
    update: () => false,
    delete: adminOnly,
    unlock: () => false,
  },
  fields: [
    // Not required: the log outlives a deleted subscription.
    {
      name: 'webhook',
      type: 'relationship',
      relationTo: webhooksSlug as CollectionSlug,
      index: true,
    },
    { name: 'deliveryId', type: 'text', index: true },
    { name: 'action', type: 'text', required: true },
    { name: 'type', type: 'text', required: true },
    { name: 'slug', type: 'text', required: true },
    { name: 'locale', type: 'text' },
    { name: 'attempt', type: 'number', required: true },
    {
      name: 'outcome',
      type: 'select',
      required: true,
      options: [
        { value: 'delivered', label: { de: 'Zugestellt', en: 'Delivered' } },
        { value: 'failed', label: { de: 'Fehlgeschlagen', en: 'Failed' } },
      ],
    },
    { name: 'responseStatus', type: 'number' },
    { name: 'error', type: 'text' },
    { name: 'durationMs', type: 'number' },
    { name: 'body', type: 'json' },
  ],
}

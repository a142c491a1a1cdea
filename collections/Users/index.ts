import { hiddenFromMembers } from '../../src/access/hiddenFromMembers'
import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../src/access/isAdmin'
import { isSignedIn } from '../../src/access/isSignedIn'
import { readEnv } from '../../src/env'
import { isAdminUser, roles } from '../../src/access/roles'
import { refuseProtectedFieldChanges } from '../shared/hooks/refuseProtectedFieldChanges'
import { selfOrAdmin } from './access/selfOrAdmin'
import { leaveTransactionForPasswordReset } from './hooks/leaveTransactionForPasswordReset'
import { requireOrganisationForMembers } from './hooks/requireOrganisationForMembers'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { de: 'Benutzer', en: 'User' },
    plural: { de: 'Benutzer', en: 'Users' },
  },
  admin: {
    hidden: hiddenFromMembers,
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role', 'member'],
    group: { de: 'Verwaltung', en: 'Administration' },
  },
  auth: {
    // Lock an account for 10 minutes after 5 wrong passwords.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    useSessions: true,
    // Secure whenever the hub is served over https.
    cookies: { sameSite: 'Lax', secure: readEnv().serverUrl?.startsWith('https://') ?? false },
  },
  // users is closed to anonymous callers: every rule needs a signed-in user
  access: {
    admin: isSignedIn,
    create: isAdmin,
    read: selfOrAdmin,
    readVersions: isAdmin,
    update: selfOrAdmin,
    delete: isAdmin,
    unlock: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', label: { de: 'Name', en: 'Name' } },
    {
      name: 'role',
      type: 'select',
      label: { de: 'Rolle', en: 'Role' },
      required: true,
      defaultValue: 'member',
      options: roles.map((role) => ({ label: role, value: role })),
      saveToJWT: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'member',
      type: 'relationship',
      label: { de: 'Mitgliedsorganisation', en: 'Member organisation' },
      relationTo: 'members',
      saveToJWT: true,
      index: true,
      admin: {
        position: 'sidebar',
        condition: (data) => data?.role === 'member',
        description: {
          de: 'Ein Mitglieds-Benutzer gehört zu genau einer Organisation.',
          en: 'A member user belongs to exactly one organisation.',
        },
      },
    },
  ],
  hooks: {
    beforeOperation: [leaveTransactionForPasswordReset],
    beforeChange: [
      refuseProtectedFieldChanges(['role', 'member'], (req) => isAdminUser(req.user)),
      requireOrganisationForMembers,
    ],
  },
}

import type { User } from '../payload-types'
import { isMemberUser } from './roles'

/**
 * Navigation rule: members work on their organisation, its stories and media; everything else
 * is the editors' (access still decides what anybody may read).
 */
export const hiddenFromMembers = ({ user }: { user: unknown }): boolean =>
  isMemberUser(user as Pick<User, 'role'> | null)

import type { Localized } from './types'

export type MemberSeed = {
  slug: string
  name: string
  membershipType: 'ordinary' | 'associated'
  kind: 'company' | 'university' | 'research' | 'public-body' | 'other'
  topics: string[]
  description: Localized
}

/**
 * The member companies the interview names. It says no more about them than their projects,
 * so neither does the seed (no invented cities, websites or contacts).
 */
export const members: MemberSeed[] = [
  {
    slug: 'q-soft',
    name: 'Q-SOFT GmbH',
    membershipType: 'ordinary',
    kind: 'company',
    topics: ['mobile-apps'],
    description: {
      de: 'Mitgliedsunternehmen des ITnet Thüringen e. V.; entwickelt mit der WeLoveApps GmbH die mobile App EFA.',
      en: 'Member company of ITnet Thüringen e. V.; develops the mobile app EFA with WeLoveApps GmbH.',
    },
  },
  {
    slug: 'weloveapps',
    name: 'WeLoveApps GmbH',
    membershipType: 'ordinary',
    kind: 'company',
    topics: ['mobile-apps'],
    description: {
      de: 'Mitgliedsunternehmen des ITnet Thüringen e. V.; entwickelt mit der Q-SOFT GmbH die mobile App EFA.',
      en: 'Member company of ITnet Thüringen e. V.; develops the mobile app EFA with Q-SOFT GmbH.',
    },
  },
  {
    slug: 'honest-consulting',
    name: 'Honest Consulting GmbH',
    membershipType: 'ordinary',
    kind: 'company',
    topics: ['green-it'],
    description: {
      de: 'Mitgliedsunternehmen des ITnet Thüringen e. V.; bringt mit der ThEGA das Thema Green IT voran.',
      en: 'Member company of ITnet Thüringen e. V.; advances Green IT together with ThEGA.',
    },
  },
  {
    slug: 'traeno',
    name: 'Traeno GmbH',
    membershipType: 'ordinary',
    kind: 'company',
    topics: ['sales'],
    description: {
      de: 'Mitgliedsunternehmen des ITnet Thüringen e. V.; Vertriebspartnerin der TecArt GmbH.',
      en: 'Member company of ITnet Thüringen e. V.; sales partner of TecArt GmbH.',
    },
  },
  {
    slug: 'tecart',
    name: 'TecArt GmbH',
    membershipType: 'ordinary',
    kind: 'company',
    topics: ['sales'],
    description: {
      de: 'Mitgliedsunternehmen des ITnet Thüringen e. V.; Vertriebspartnerin der Traeno GmbH.',
      en: 'Member company of ITnet Thüringen e. V.; sales partner of Traeno GmbH.',
    },
  },
]

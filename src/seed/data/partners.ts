import type { Localized } from './types'

export type PartnerSeed = {
  slug: string
  name: string
  kind: 'industry-network' | 'business-association' | 'chamber' | 'public-authority' | 'agency'
  description: Localized
}

/** The outside organisations the interview names. */
export const partners: PartnerSeed[] = [
  {
    slug: 'automotive-thueringen',
    name: 'automotive thüringen',
    kind: 'industry-network',
    description: {
      de: 'Netzwerk der Thüringer Automobil- und Zulieferindustrie; Partner im Projekt FastForward.',
      en: "Network of Thuringia's automotive and supplier industry; partner in the FastForward project.",
    },
  },
  {
    slug: 'bvmw',
    name: 'BVMW – Bundesverband mittelständische Wirtschaft',
    kind: 'business-association',
    description: {
      de: 'Verband des Mittelstands; gemeinsam mit dem ITnet Thüringen e. V. Gastgeber des Jahresempfangs 2023.',
      en: 'Association of small and medium-sized businesses; co-host of the 2023 annual reception with ITnet Thüringen e. V.',
    },
  },
  {
    slug: 'ihk-erfurt',
    name: 'IHK Erfurt',
    kind: 'chamber',
    description: {
      de: 'Industrie- und Handelskammer Erfurt; seit 2019 Partner bei der Prävention von Cyberkriminalität.',
      en: 'Chamber of Industry and Commerce Erfurt; partner in cybercrime prevention since 2019.',
    },
  },
  {
    slug: 'lka-thueringen',
    name: 'Thüringer Landeskriminalamt (LKA)',
    kind: 'public-authority',
    description: {
      de: 'Landeskriminalamt Thüringen; seit 2019 Partner bei der Prävention von Cyberkriminalität.',
      en: 'State Criminal Police Office of Thuringia; partner in cybercrime prevention since 2019.',
    },
  },
  {
    slug: 'thega',
    name: 'ThEGA – Thüringer Energie- und GreenTech-Agentur',
    kind: 'agency',
    description: {
      de: 'Landesagentur für Energie und GreenTech; Green-IT-Partnerin der Honest Consulting GmbH.',
      en: "Thuringia's energy and GreenTech agency; Green IT partner of Honest Consulting GmbH.",
    },
  },
]

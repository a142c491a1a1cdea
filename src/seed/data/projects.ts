import type { Localized, OrganisationRef } from './types'

export type ProjectSeed = {
  slug: string
  title: Localized
  summary: Localized
  body: { de: string[]; en: string[] }
  status: 'planned' | 'active' | 'completed'
  carriedBy: 'association' | 'members'
  startDate?: string
  datePrecision: 'year' | 'month' | 'day'
  participants: OrganisationRef[]
  topics: string[]
}

const partner = (slug: string): OrganisationRef => ({ relationTo: 'partners', slug })
const member = (slug: string): OrganisationRef => ({ relationTo: 'members', slug })

/** Every project and partnership the interview names, in its words. */
export const projects: ProjectSeed[] = [
  {
    slug: 'fastforward',
    title: { de: 'FastForward', en: 'FastForward' },
    summary: {
      de: 'Quereinsteiger-Programme gegen den Fachkräftemangel in der Automobil- und der IT-Branche, gemeinsam mit automotive thüringen.',
      en: 'Career-changer programmes against the shortage of skilled workers in the automotive and IT industries, together with automotive thüringen.',
    },
    body: {
      de: [
        'Gemeinsam mit automotive thüringen hat sich der ITnet Thüringen e. V. erfolgreich am Projekt FastForward beteiligt.',
        'Das Projekt begegnet dem Fachkräftemangel in beiden Branchen – Automotive und IT – mit Quereinsteiger-Programmen.',
      ],
      en: [
        'Together with automotive thüringen, ITnet Thüringen e. V. successfully took part in the FastForward project.',
        'The project counters the shortage of skilled workers in both industries – automotive and IT – with programmes for career changers.',
      ],
    },
    status: 'completed',
    carriedBy: 'association',
    datePrecision: 'year',
    participants: [partner('automotive-thueringen')],
    topics: ['skilled-workers', 'automotive'],
  },
  {
    slug: 'praevention-cyberkriminalitaet',
    title: {
      de: 'Prävention von Cyberkriminalität mit IHK Erfurt und LKA',
      en: 'Cybercrime prevention with IHK Erfurt and the State Criminal Police Office',
    },
    summary: {
      de: 'Seit 2019 treibt der ITnet Thüringen e. V. mit der IHK Erfurt und dem Thüringer LKA die Prävention von Cyberkriminalität besonders bei KMU voran.',
      en: 'Since 2019 ITnet Thüringen e. V. has worked with IHK Erfurt and the Thuringian State Criminal Police Office to advance cybercrime prevention, especially for SMEs.',
    },
    body: {
      de: [
        'Seit 2019 kooperiert der ITnet Thüringen e. V. mit der IHK Erfurt und dem Thüringer LKA, um die Prävention der Cyberkriminalität besonders bei den KMU voranzutreiben.',
      ],
      en: [
        'Since 2019 ITnet Thüringen e. V. has cooperated with IHK Erfurt and the Thuringian State Criminal Police Office (LKA) to advance cybercrime prevention, especially among small and medium-sized enterprises.',
      ],
    },
    status: 'active',
    carriedBy: 'association',
    startDate: '2019-01-01T00:00:00.000Z',
    datePrecision: 'year',
    participants: [partner('ihk-erfurt'), partner('lka-thueringen')],
    topics: ['cybersecurity'],
  },
  {
    slug: 'datensicherheit-healthcare',
    title: {
      de: 'Datensicherheit im Healthcare-Bereich (Ausschreibung)',
      en: 'Data security in healthcare (tender)',
    },
    summary: {
      de: 'Der ITnet Thüringen e. V. beteiligt sich an einer thüringenweiten Projektausschreibung zur Datensicherheit im Healthcare-Bereich.',
      en: 'ITnet Thüringen e. V. is taking part in a Thuringia-wide project tender on data security in healthcare.',
    },
    body: {
      de: [
        'Aktuell beteiligt sich der ITnet Thüringen e. V. an einer thüringenweiten Projektausschreibung zur Datensicherheit im Healthcare-Bereich.',
      ],
      en: [
        'ITnet Thüringen e. V. is currently taking part in a Thuringia-wide project tender on data security in the healthcare sector.',
      ],
    },
    status: 'planned',
    carriedBy: 'association',
    datePrecision: 'year',
    participants: [],
    topics: ['data-security', 'healthcare'],
  },
  {
    slug: 'vertriebspartnerschaft-traeno-tecart',
    title: {
      de: 'Vertriebspartnerschaft Traeno und TecArt',
      en: 'Sales partnership of Traeno and TecArt',
    },
    summary: {
      de: 'Eine der erfolgreichen Kooperationen unter Mitgliedsunternehmen: die Vertriebspartnerschaft zwischen der Traeno GmbH und der TecArt GmbH.',
      en: 'One of the successful cooperations among member companies: the sales partnership between Traeno GmbH and TecArt GmbH.',
    },
    body: {
      de: [
        'Auch die Mitgliedsunternehmen des ITnet Thüringen e. V. konnten bereits viele erfolgreiche Kooperationen eingehen, etwa die Vertriebspartnerschaft zwischen der Traeno GmbH und der TecArt GmbH.',
      ],
      en: [
        'The member companies of ITnet Thüringen e. V. have also entered into many successful cooperations, for example the sales partnership between Traeno GmbH and TecArt GmbH.',
      ],
    },
    status: 'active',
    carriedBy: 'members',
    datePrecision: 'year',
    participants: [member('traeno'), member('tecart')],
    topics: ['sales'],
  },
  {
    slug: 'efa-app',
    title: { de: 'Mobile App EFA', en: 'EFA mobile app' },
    summary: {
      de: 'Ein beispielhaftes Innovationsprojekt: die mobile App EFA von Q-SOFT GmbH und WeLoveApps GmbH.',
      en: 'An exemplary innovation project: the EFA mobile app by Q-SOFT GmbH and WeLoveApps GmbH.',
    },
    body: {
      de: [
        'Ein beispielhaftes Innovationsprojekt ist die mobile App EFA von Q-SOFT GmbH und WeLoveApps GmbH.',
      ],
      en: ['An exemplary innovation project is the EFA mobile app by Q-SOFT GmbH and WeLoveApps GmbH.'],
    },
    status: 'active',
    carriedBy: 'members',
    datePrecision: 'year',
    participants: [member('q-soft'), member('weloveapps')],
    topics: ['mobile-apps'],
  },
  {
    slug: 'green-it-partnerschaft-thega',
    title: {
      de: 'Green-IT-Partnerschaft von Honest Consulting und ThEGA',
      en: 'Green IT partnership of Honest Consulting and ThEGA',
    },
    summary: {
      de: 'Um das Thema Green IT voranzubringen, pflegt die Honest Consulting GmbH eine Partnerschaft mit der ThEGA.',
      en: 'To advance Green IT, Honest Consulting GmbH maintains a partnership with ThEGA.',
    },
    body: {
      de: [
        'Um das Thema Green IT weiter voranzubringen, pflegt die Honest Consulting GmbH eine Partnerschaft mit der Thüringer Energie- und GreenTech-Agentur (ThEGA).',
      ],
      en: [
        'To advance Green IT further, Honest Consulting GmbH maintains a partnership with the Thuringian Energy and GreenTech Agency (ThEGA).',
      ],
    },
    status: 'active',
    carriedBy: 'members',
    datePrecision: 'year',
    participants: [member('honest-consulting'), partner('thega')],
    topics: ['green-it'],
  },
]

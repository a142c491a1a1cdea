import type { Random } from './random'

/** Word material for German and English texts of a Thuringian IT network. */
const words = {
  de: {
    nouns: [
      'Digitalisierung',
      'Plattform',
      'Netzwerk',
      'Mittelstand',
      'Fachkräfte',
      'Sicherheit',
      'Cloud',
      'Datenschutz',
      'Schnittstelle',
      'Verwaltung',
      'Forschung',
      'Hochschule',
      'Anwendung',
      'Automatisierung',
      'Region',
      'Kooperation',
      'Software',
      'Infrastruktur',
      'Pilotprojekt',
      'Ausbildung',
      'Energieeffizienz',
      'Prozess',
      'Lösung',
      'Wertschöpfung',
    ],
    adjectives: [
      'digitale',
      'sichere',
      'regionale',
      'offene',
      'nachhaltige',
      'gemeinsame',
      'neue',
      'intelligente',
      'vernetzte',
      'moderne',
      'agile',
      'thüringische',
    ],
    verbs: [
      'entwickelt',
      'verbindet',
      'unterstützt',
      'erprobt',
      'stärkt',
      'vereinfacht',
      'beschleunigt',
      'begleitet',
      'vernetzt',
      'sichert',
    ],
    glue: ['und', 'für', 'mit', 'in', 'zwischen', 'durch', 'gemeinsam mit', 'rund um'],
    heading: ['Ziele', 'Vorgehen', 'Ergebnisse', 'Beteiligte', 'Ausblick', 'Hintergrund'],
  },
  en: {
    nouns: [
      'digitalisation',
      'platform',
      'network',
      'SMEs',
      'skilled workers',
      'security',
      'cloud',
      'data protection',
      'interface',
      'administration',
      'research',
      'university',
      'application',
      'automation',
      'region',
      'cooperation',
      'software',
      'infrastructure',
      'pilot',
      'training',
      'energy efficiency',
      'process',
      'solution',
      'value creation',
    ],
    adjectives: [
      'digital',
      'secure',
      'regional',
      'open',
      'sustainable',
      'joint',
      'new',
      'intelligent',
      'connected',
      'modern',
      'agile',
      'Thuringian',
    ],
    verbs: [
      'develops',
      'connects',
      'supports',
      'tests',
      'strengthens',
      'simplifies',
      'speeds up',
      'accompanies',
      'links',
      'secures',
    ],
    glue: ['and', 'for', 'with', 'in', 'between', 'through', 'together with', 'around'],
    heading: ['Goals', 'Approach', 'Results', 'Participants', 'Outlook', 'Background'],
  },
} as const

export type Locale = keyof typeof words

export const cities = [
  'Erfurt',
  'Jena',
  'Weimar',
  'Gera',
  'Ilmenau',
  'Gotha',
  'Eisenach',
  'Suhl',
  'Nordhausen',
  'Mühlhausen',
  'Arnstadt',
  'Saalfeld',
  'Sonneberg',
  'Apolda',
] as const

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** One sentence of 8–16 words. */
export const sentence = (random: Random, locale: Locale): string => {
  const w = words[locale]
  const parts: string[] = [capitalise(random.pick(w.adjectives)), random.pick(w.nouns)]
  parts.push(random.pick(w.verbs))
  const length = random.int(3, 6)
  for (let i = 0; i < length; i++) {
    parts.push(random.pick(w.glue), random.pick(w.adjectives), random.pick(w.nouns))
  }
  return `${parts.join(' ')}.`
}

export const phrase = (random: Random, locale: Locale, count: number): string =>
  Array.from({ length: count }, () => random.pick(words[locale].nouns)).join(' ')

export const title = (random: Random, locale: Locale): string => {
  const w = words[locale]
  return `${capitalise(random.pick(w.adjectives))} ${random.pick(w.nouns)} ${random.pick(w.glue)} ${random.pick(w.nouns)}`
}

type LexicalNode = Record<string, unknown>

const textNode = (text: string, format = 0): LexicalNode => ({
  type: 'text',
  text,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

const block = (type: string, children: LexicalNode[], extra: LexicalNode = {}): LexicalNode => ({
  type,
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  children,
  ...extra,
})

/**
 * A Lexical document as the admin's editor saves it (headings, paragraphs with bold runs, a
 * bullet list), grown until its JSON is about `bytes` long.
 */
export const lexicalBody = (random: Random, locale: Locale, bytes: number): LexicalNode => {
  const children: LexicalNode[] = []
  let size = 200
  while (size < bytes) {
    let node: LexicalNode
    const kind = children.length === 0 ? 'paragraph' : random.next()
    if (kind !== 'paragraph' && (kind as number) < 0.15) {
      node = block('heading', [textNode(random.pick(words[locale].heading))], { tag: 'h2' })
    } else if (kind !== 'paragraph' && (kind as number) < 0.25) {
      const items = Array.from({ length: random.int(2, 4) }, (_, index) =>
        block('listitem', [textNode(phrase(random, locale, random.int(2, 4)))], {
          value: index + 1,
        }),
      )
      node = block('list', items, { listType: 'bullet', start: 1, tag: 'ul' })
    } else {
      const runs = [textNode(sentence(random, locale))]
      if (random.chance(0.4)) runs.push(textNode(` ${phrase(random, locale, 2)}`, 1))
      runs.push(textNode(` ${sentence(random, locale)}`))
      node = block('paragraph', runs, { textFormat: 0, textStyle: '' })
    }
    children.push(node)
    size += JSON.stringify(node).length + 1
  }
  return { root: block('root', children) }
}

/** German text with its English translation. */
export type Localized = { de: string; en: string }

/** A reference to a seeded member or partner by slug. */
export type OrganisationRef = { relationTo: 'members' | 'partners'; slug: string }

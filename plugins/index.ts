import type { Plugin } from 'payload'

/** The hub's own plugins (approval workflow, public feed) are added here as they land. */
export const plugins: Plugin[] = []

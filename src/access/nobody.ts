import type { Access } from 'payload'

/** For operations that no API caller may take (the server does them itself). */
export const nobody: Access = () => false

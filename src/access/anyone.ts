import type { Access } from 'payload'

// public: anybody, signed in or not
export const anyone: Access = () => true

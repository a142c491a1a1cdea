/**
 * Jest runs TypeScript as ES modules (swc), leaves Payload's ESM packages untransformed and
 * needs NODE_OPTIONS=--experimental-vm-modules (set by scripts/test.mjs).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/src/payload.config.ts',
    '\\.(css|scss)$': '<rootDir>/test/helpers/styleStub.cjs',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['<rootDir>/test/helpers/testEnvironment.ts'],
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  // Next's build output is rewritten while a build runs; Jest has nothing to find there.
  modulePathIgnorePatterns: ['<rootDir>/.next/', '<rootDir>/data/'],
  testTimeout: 120_000,
  maxWorkers: 2,
}

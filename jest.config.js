/**
 * `npm test`: unit, ui and cli tests. Jest runs the TypeScript sources as ESM
 * through @swc/jest; `npm test` typechecks with tsc first. The slow suites
 * (fuzz, kill -9, interrupts, pseudo-terminal end-to-end: test/hardening and
 * test/e2e) run with `npm run test:hardening` (jest.hardening.config.js); installing
 * the package (test/install) with `npm run test:install` (jest.install.config.js).
 */
export const base = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {'^(\\.{1,2}/.*)\\.js$': '$1'},
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: {syntax: 'typescript', tsx: true},
          transform: {react: {runtime: 'automatic'}},
          target: 'es2022',
        },
        module: {type: 'es6'},
      },
    ],
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // A guard against a hang only: tests wait for frames, files and exits, never for a time.
  testTimeout: 120000,
};

export default {
  ...base,
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/hardening/', '<rootDir>/test/e2e/', '<rootDir>/test/install/', '<rootDir>/test/browser/'],
};

/**
 * `npm run test:install`: the package as a user installs it. `npm pack`, then the
 * tarball installed into an empty prefix, offline (it has no dependencies); a git
 * install and an npx run from a fresh clone. Slow (npm and, for git, the
 * devDependencies the build needs), so neither `npm test` nor the hardening suite;
 * `.ci/run` runs it.
 */
import {base} from './jest.config.js';

export default {
  ...base,
  roots: ['<rootDir>/test/install'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // A guard against a hang only: a git install downloads the build's tools when the npm cache is cold.
  testTimeout: 900000,
};

/**
 * `npm run test:browser`: the HTML reports in a real browser (headless Chromium driven
 * by puppeteer-core; no browser is downloaded: CHROMIUM_PATH, else /usr/bin/chromium or
 * chromium-headless-shell) and printed to A4 (pdfinfo, pdftotext and pdftoppm from
 * poppler-utils). Every *.test.ts in test/browser; screenshots go to test-output/browser/.
 * `.ci/run` installs the browser and poppler-utils and runs it after test:install.
 */
import {base} from './jest.config.js';

export default {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // One browser per file, one file at a time: a busy 2-core machine runs them without starving them.
  maxWorkers: 1,
  // A guard against a hang only: the tests wait for page loads, files and exits, never for a time.
  testTimeout: 600000,
};

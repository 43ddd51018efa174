import { defineConfig } from 'vitest/config';
import { BROWSER_TESTS, FILES_TESTS, NO_BROWSER, PROOF_TESTS } from './tests/support/tiers/tiers.ts';

// Three tiers, by file name (tests/support/tiers/tiers.ts; CONTRIBUTING.md): `vitest run` runs all
// of them, `vitest run --project pure` (npm run test:fast) one. The proof stage runs after the
// suite, on what its builds left (vitest.proof.config.ts).
const excluded = ['**/node_modules/**', PROOF_TESTS];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: browser-heavy files must not all start Chromium at once.
    maxWorkers: 2,
    // A worker keeps the modules it has loaded from one test file to the next (Clarion, unified,
    // puppeteer, pdf.js... take seconds to load): tests leave no state behind them.
    isolate: false,
    // No results cache: files run in the same order on every machine, a fresh clone included
    // (projects by name, so the browser tier starts first; then the largest files first).
    cache: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'pure',
          include: ['tests/**/*.test.ts'],
          exclude: [...excluded, FILES_TESTS, BROWSER_TESTS],
          setupFiles: ['tests/support/tiers/pure.ts'],
          env: { CLARION_TEST_TIER: 'pure', PUPPETEER_EXECUTABLE_PATH: NO_BROWSER },
        },
      },
      {
        extends: true,
        test: {
          name: 'files',
          include: [FILES_TESTS],
          exclude: excluded,
          globalSetup: ['tests/support/tiers/clean.ts'],
          env: { CLARION_TEST_TIER: 'files', PUPPETEER_EXECUTABLE_PATH: NO_BROWSER },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER_TESTS],
          exclude: excluded,
          globalSetup: ['tests/support/tiers/clean.ts', 'tests/support/tiers/browser.ts'],
          env: { CLARION_TEST_TIER: 'browser' },
        },
      },
    ],
  },
});

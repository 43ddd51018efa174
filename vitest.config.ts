import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The proof stage runs after the suite, on what its builds left (vitest.proof.config.ts).
    exclude: ['tests/proof/**', '**/node_modules/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: browser-heavy files must not all start Chromium at once.
    maxWorkers: 2,
  },
});

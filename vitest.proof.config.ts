import { defineConfig } from 'vitest/config';

// The proof stage: after the suite, every output the suite's builds left is checked by
// independent tools (tests/proof/): one file per kind of output, two at a time.
export default defineConfig({
  test: {
    include: ['tests/proof/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    maxWorkers: 2,
    cache: false,
  },
});

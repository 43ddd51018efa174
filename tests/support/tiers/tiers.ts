/**
 * The three tiers of the suite, decided by the test file's name, wherever the file lives:
 *
 * - `*.test.ts`: pure. No files written, no process started, no browser: seconds.
 * - `*.files.test.ts`: temporary projects under `$TMPDIR/clarion-test-projects/files/`, the
 *   CLI run in-process, child processes such as the HTML checker; no browser.
 * - `*.browser.test.ts`: everything else, Chromium included (PDFs, cards, the preview, axe).
 *
 * Each tier runs alone (`vitest run --project <tier>`); `npm test` runs all three, then the proof
 * stage (tests/proof/) on what the builds of the suite left.
 */
export const TIERS = ['pure', 'files', 'browser'] as const;
export type Tier = (typeof TIERS)[number];

export const FILES_TESTS = 'tests/**/*.files.test.ts';
export const BROWSER_TESTS = 'tests/**/*.browser.test.ts';
export const PROOF_TESTS = 'tests/proof/**';

/** The tier of a test file, from its name. */
export function tierOf(file: string): Tier {
  if (/\.browser\.test\.ts$/.test(file)) return 'browser';
  if (/\.files\.test\.ts$/.test(file)) return 'files';
  return 'pure';
}

/**
 * What PUPPETEER_EXECUTABLE_PATH is set to in the tiers without a browser: a build or a test that
 * reaches for Chromium there fails, and the message names the way out.
 */
export const NO_BROWSER = '/no-browser-in-this-tier/rename-the-test-file-to-name.browser.test.ts';

/** The tier a test worker runs (set by vitest.config.ts for each project). */
export function currentTier(): Tier | undefined {
  const tier = process.env.CLARION_TEST_TIER;
  return (TIERS as readonly string[]).includes(tier ?? '') ? (tier as Tier) : undefined;
}

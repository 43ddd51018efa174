/**
 * The outputs stay byte-identical while the code is reorganised: the sample statements and a
 * corpus covering every kind, language and format are built, and every output's SHA-256 is
 * compared with tests/golden/dist-hashes.json (recorded with UPDATE_DIST_HASHES=1). PDFs and
 * images depend on the browser's version too: they are compared when it is the recorded one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/print/find-chromium.ts';
import { hashTree } from '../hardening/support.ts';
import { clarion, makeProject } from '../support/project.ts';
import { corpus } from './corpus.ts';

const HASHES = path.join(import.meta.dirname, 'dist-hashes.json');
/** Files of the build's own bookkeeping, not outputs. */
const BOOKKEEPING = /(^|\/)\.clarion-/;
const BROWSER_MADE = /\.(pdf|png)$/;

interface Recorded {
  browser: string;
  files: Record<string, string>;
}

describe('every output, byte for byte', () => {
  let current: Record<string, string>;
  let browser: string;
  beforeAll(async () => {
    const dir = await makeProject(corpus(), { samples: true });
    const env = { SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH };
    process.env.SOURCE_DATE_EPOCH = '1701043200';
    try {
      const result = await clarion(dir, 'build', '--now', '2024-03-01T00:00Z');
      expect(result.code, result.stderr).toBe(0);
    } finally {
      if (env.SOURCE_DATE_EPOCH === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = env.SOURCE_DATE_EPOCH;
    }
    current = Object.fromEntries((await hashTree(path.join(dir, 'dist'))).map((line) => [line.slice(66), line.slice(0, 64)]).filter(([file]) => !BOOKKEEPING.test(file!)));
    browser = execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim();
    if (process.env.UPDATE_DIST_HASHES === '1') writeFileSync(HASHES, `${JSON.stringify({ browser, files: current }, null, 2)}\n`);
  }, 300_000);

  it('covers every format', () => {
    for (const ext of ['.html', '.txt', '.pdf', '.eml', '.docx', '.png', '.xml']) expect(Object.keys(current).some((f) => f.endsWith(ext)), ext).toBe(true);
  });

  it('are the recorded bytes', () => {
    expect(existsSync(HASHES), 'record them with UPDATE_DIST_HASHES=1').toBe(true);
    const recorded = JSON.parse(readFileSync(HASHES, 'utf8')) as Recorded;
    const sameBrowser = recorded.browser === browser;
    const pick = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).filter(([file]) => sameBrowser || !BROWSER_MADE.test(file)));
    expect(pick(current)).toEqual(pick(recorded.files));
  });
});

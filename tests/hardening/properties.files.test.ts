/**
 * Properties of the whole pipeline on generated statements: `check`, then a build of the web
 * page and the text release, in-process. Whatever the front matter and the Markdown, the
 * pipeline builds the statement or reports errors with a file, line and column; it never throws
 * and never takes more than a few seconds; `check` and `build` agree; and a built text release
 * keeps every link URL and the text of every footnote.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/build/index.ts';
import { check } from '../../src/check.ts';
import type { Diagnostic } from '../../src/report/diagnostic.ts';
import { makeProject } from '../support/project.ts';
import { generatedStatement } from './arbitraries.ts';

const FILE = 'statements/generated.md';
/** Time one statement may take through check and build. */
const BOUND_MS = 5000;

function expectPositioned(diagnostics: readonly Diagnostic[], source: string): void {
  for (const d of diagnostics) {
    const where = `${JSON.stringify(d)} for ${JSON.stringify(source.slice(0, 400))}`;
    expect(typeof d.file === 'string' && d.file.length > 0, where).toBe(true);
    expect(Number.isInteger(d.line) && d.line >= 1, where).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, where).toBe(true);
    expect(d.message.length, where).toBeGreaterThan(0);
  }
}

describe('the pipeline on generated statements', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeProject({});
  });

  it('builds or reports positioned errors, never throws, stays fast, and keeps every URL and footnote', async () => {
    let builtCount = 0;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(generatedStatement, async (generated) => {
        await writeFile(path.join(root, FILE), generated.source);
        const started = performance.now();
        const checked = await check(root, undefined);
        // Each run keeps its own output folder: the proof stage checks every page generated.
        const result = await runBuild(root, { paths: [], out: `generated/run-${++run}`, formats: ['html', 'text'], strict: false, force: true });
        const elapsed = performance.now() - started;
        expect(elapsed, 'check and build of one statement').toBeLessThan(BOUND_MS);

        expectPositioned(checked.diagnostics, generated.source);
        expectPositioned(result.diagnostics, generated.source);
        const checkErrors = checked.diagnostics.filter((d) => d.severity === 'error');
        const built = result.built.find((b) => b.file === FILE);
        // check and build agree: a statement check passes is built, one it fails is not.
        expect(Boolean(built), JSON.stringify({ checkErrors, buildDiagnostics: result.diagnostics })).toBe(checkErrors.length === 0);
        if (!built) {
          expect(result.failed).toContain(FILE);
          return;
        }
        builtCount++;
        const textFile = built.outputs.find((f) => f.endsWith('.txt'))!;
        const release = (await readFile(path.join(root, textFile), 'utf8')).normalize('NFC');
        for (const url of generated.urls) {
          const shown = release.includes(url) || (url.startsWith('mailto:') && release.includes(url.slice('mailto:'.length)));
          expect(shown, `${url} missing from ${textFile}`).toBe(true);
        }
        for (const word of generated.footnoteWords) expect(release, `footnote word ${word}`).toContain(word.normalize('NFC'));
      }),
      // The same statements on every run, so CI is repeatable; HARDENING_SEED=<n> draws others and
      // HARDENING_RUNS=2000 hunts longer (about a minute per thousand).
      { numRuns: Number(process.env.HARDENING_RUNS ?? 60), seed: Number(process.env.HARDENING_SEED ?? 20261126) },
    );
    // The generators are meant to produce buildable statements often enough to test the text.
    expect(builtCount).toBeGreaterThan(2);
  }, 120_000);
});

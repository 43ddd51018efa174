/**
 * `npm run bench [-- --n 100]`: generates N statements of varied length from the sample in a
 * temporary folder and times, in the same run:
 *   1. the HTML and text build alone,
 *   2. the full build (HTML, text, PDF) with one browser and a pool of pages,
 *   3. a naive baseline: the same build launching a fresh browser for every PDF, one at a time.
 * Prints ms per statement for each and the ratios. Then the rebuild benchmark (incremental.ts).
 * No assertion: numbers to read and report. Options: --n 100, --baseline-n 20, --n-incremental 200.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runBuild, type BuildOptions } from '../src/build/index.ts';
import { benchIncremental } from './incremental.ts';
import { compile, compiledCli } from '../scripts/compile.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const n = flag('--n', 100);
const baselineN = Math.min(n, flag('--baseline-n', 20));
const incrementalN = flag('--n-incremental', 200);

async function generate(dir: string, count: number): Promise<void> {
  await cp(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await mkdir(path.join(dir, 'statements'), { recursive: true });
  await cp(path.join(root, 'statements/organization.yaml'), path.join(dir, 'statements/organization.yaml'));
  await cp(path.join(root, 'statements/assets'), path.join(dir, 'statements/assets'), { recursive: true });
  const sample = await readFile(path.join(root, 'statements/ahmadi-mosques-desecrated/en.md'), 'utf8');
  const [, front, body] = sample.split(/^---$/m) as [string, string, string];
  const paragraphs = body.trim().split(/\n\n(?!>)/);
  const footnotes = paragraphs.filter((p) => p.startsWith('[^'));
  const text = paragraphs.filter((p) => !p.startsWith('[^'));
  for (let i = 0; i < count; i++) {
    // Lengths vary from a short note to about two pages.
    const take = 1 + (i % text.length);
    const repeat = 1 + (i % 3);
    const chosen = Array.from({ length: repeat }, () => text.slice(0, take)).flat();
    const fm = front.replace(/^title: .*$/m, `title: Statement ${i + 1} on violence against Ahmadis`).replace(/^date: .*$/m, `date: 2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
    await writeFile(path.join(dir, 'statements', `statement-${i + 1}.md`), `---${fm}---\n\n${chosen.join('\n\n')}\n\n${footnotes.join('\n\n')}\n`);
  }
}

async function time(label: string, dir: string, options: Partial<BuildOptions> & { naive?: boolean }, count: number): Promise<number> {
  const out = path.join(dir, `out-${label}`);
  const started = performance.now();
  const result = await runBuild(dir, { paths: [], out, strict: false, ...options });
  const ms = performance.now() - started;
  if (result.failed.length) throw new Error(`${label}: ${result.failed.length} statements failed: ${result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).slice(0, 3).join('; ')}`);
  if (result.built.length !== count) throw new Error(`${label}: built ${result.built.length} of ${count}`);
  await rm(out, { recursive: true, force: true });
  return ms;
}

// The rebuilds run `clarion` as users do: compiled, as `npm ci` leaves it.
if (!compiledCli()) await compile();

const dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-bench-'));
try {
  await generate(dir, n);
  const per = (ms: number, count: number) => ms / count;
  console.log(`Clarion benchmark: ${n} statements (${os.availableParallelism()} cores)\n`);
  const htmlText = await time('html-text', dir, { formats: ['html', 'text'] }, n);
  console.log(`HTML + text build            ${per(htmlText, n).toFixed(1).padStart(8)} ms/statement  (${(htmlText / 1000).toFixed(2)} s)`);
  const full = await time('full', dir, { formats: ['html', 'text', 'pdf'] }, n);
  console.log(`Full build (HTML, text, PDF) ${per(full, n).toFixed(1).padStart(8)} ms/statement  (${(full / 1000).toFixed(2)} s)`);

  // The baseline on a subset (a fresh browser per PDF is slow); compared per statement.
  const subset = await mkdtemp(path.join(os.tmpdir(), 'clarion-bench-naive-'));
  await generate(subset, baselineN);
  const subsetHtmlText = await time('html-text', subset, { formats: ['html', 'text'] }, baselineN);
  const naive = await time('naive', subset, { formats: ['html', 'text', 'pdf'], naive: true }, baselineN);
  await rm(subset, { recursive: true, force: true });
  console.log(`Naive baseline (new browser per PDF, ${baselineN} statements) ${per(naive, baselineN).toFixed(1).padStart(8)} ms/statement`);
  const pdfOurs = per(full - htmlText, n);
  const pdfNaive = per(naive - subsetHtmlText, baselineN);
  console.log(`\nPDF only: ${pdfOurs.toFixed(1)} ms/statement vs ${pdfNaive.toFixed(1)} naive → ${(pdfNaive / pdfOurs).toFixed(1)}× faster`);
  console.log(`Full build: ${(per(naive, baselineN) / per(full, n)).toFixed(1)}× faster than the naive baseline`);

  if (incrementalN > 0) {
    const rebuilds = await mkdtemp(path.join(os.tmpdir(), 'clarion-bench-rebuilds-'));
    try {
      await generate(rebuilds, incrementalN);
      await benchIncremental(rebuilds, incrementalN);
    } finally {
      await rm(rebuilds, { recursive: true, force: true });
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

/**
 * The rebuild rows, on a project whose dist/ is built: a no-op rebuild against `clarion
 * --version`, one changed statement against that statement built alone, and watch mode
 * (`clarion build --watch`, a process of its own) from saving a file to its new HTML and PDF.
 * Each a fresh process, as staff run them; short runs are timed a few times (the median).
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Row } from './rows.ts';
import { benchCli, median, timeCli } from './run-cli.ts';

const RUNS = 3;
const CHANGED = 'statements/statement-7.md';

async function medianOf(runs: number, once: (i: number) => Promise<number>): Promise<number> {
  const ms = [];
  for (let i = 0; i < runs; i++) ms.push(await once(i));
  return median(ms);
}

export async function rebuildRows(dir: string, n: number): Promise<Row[]> {
  // Whatever is stale (another version of Clarion built it) is built first, untimed.
  await timeCli(dir, ['build', '--quiet']);
  const version = await medianOf(5, async () => (await timeCli(dir, ['--version'])).ms);
  let launched = false;
  const noop = await medianOf(RUNS, async () => {
    const run = await timeCli(dir, ['build', '--json']);
    launched ||= (JSON.parse(run.stdout) as { browserLaunched: boolean }).browserLaunched;
    return run.ms;
  });
  const alone = await builtAlone(dir);
  const file = path.join(dir, CHANGED);
  const original = await readFile(file, 'utf8');
  const changed = await medianOf(RUNS, async (i) => {
    await writeFile(file, original.replace('Statement 7 ', `Statement 7 (revision ${i + 1}) `));
    return (await timeCli(dir, ['build', '--quiet'])).ms;
  });
  await writeFile(file, original);
  const watch = await watchRows(dir, file, original);
  await timeCli(dir, ['build', '--quiet']);
  return [
    { id: 'version', n, value: version },
    { id: 'noop', n, value: noop, ratio: noop / version, note: launched ? 'browser launched' : 'no browser' },
    { id: 'one-alone', n, value: alone },
    { id: 'one-changed', n, value: changed, ratio: changed / alone },
    { id: 'watch-html', n, value: watch.html },
    { id: 'watch-pdf', n, value: watch.pdf },
  ];
}

/** The changed statement in a project of its own, built cold (every format). */
async function builtAlone(dir: string): Promise<number> {
  const alone = await mkdtemp(path.join(os.tmpdir(), 'clarion-bench-alone-'));
  try {
    for (const part of ['templates', 'statements/organization.yaml', 'statements/assets', CHANGED]) await cp(path.join(dir, part), path.join(alone, part), { recursive: true });
    return await medianOf(RUNS, async () => {
      await rm(path.join(alone, 'dist'), { recursive: true, force: true });
      return (await timeCli(alone, ['build', '--quiet'])).ms;
    });
  } finally {
    await rm(alone, { recursive: true, force: true });
  }
}

async function waitForChange(file: string, since: number, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const mtime = await stat(file).then((s) => s.mtimeMs, () => 0);
    if (mtime > since) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`${file} did not change within ${timeoutMs} ms`);
}

/** Save → new HTML and → new PDF in watch mode; the first save warms the browser, the next four are measured. */
async function watchRows(dir: string, file: string, original: string): Promise<{ html: number; pdf: number }> {
  const watching = spawn(process.execPath, [await benchCli(), 'build', '--watch', '--quiet'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  watching.stdout.on('data', (d) => (output += d));
  const builds = () => output.split('Watching statements/').length - 1;
  const waitForBuilds = async (count: number) => {
    while (builds() < count) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  try {
    await waitForBuilds(1);
    const html = path.join(dir, 'dist/statement-7/index.html');
    const pdf = path.join(dir, 'dist/statement-7/statement-7.pdf');
    const saves: { html: number; pdf: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const before = Math.max((await stat(html)).mtimeMs, (await stat(pdf)).mtimeMs);
      const done = builds();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const saved = performance.now();
      await writeFile(file, original.replace('Statement 7 ', `Statement 7 (edit ${i}) `));
      const [h, p] = await Promise.all([waitForChange(html, before), waitForChange(pdf, before)]);
      saves.push({ html: h - saved, pdf: p - saved });
      await waitForBuilds(done + 1);
    }
    const measured = saves.slice(1);
    return { html: median(measured.map((s) => s.html)), pdf: median(measured.map((s) => s.pdf)) };
  } finally {
    watching.kill('SIGINT');
    await new Promise((resolve) => watching.once('exit', resolve));
    await writeFile(file, original);
  }
}

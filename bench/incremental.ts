/**
 * The rebuild benchmark: N statements (default 200) timed, in one run, for a cold full build, a
 * no-op rebuild, a rebuild after one statement changed (a fresh process each: what staff run),
 * and in watch mode (`clarion build --watch`, also a process of its own) the time from saving a
 * file to its new HTML and to its new PDF. Also the peak memory of Clarion and Chromium together.
 */
import { execFile, spawn } from 'node:child_process';
import { stat, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';

import { samplePeakMemory } from './memory.ts';


const cli = path.resolve(import.meta.dirname, '../bin/clarion.js');

/**
 * Runs `clarion` and times it. With `memory`, a sampler process also records the peak memory of
 * the process tree; sampling takes CPU time of its own on this 2-core machine, so the short
 * rebuilds are timed without it and sampled in a run of their own.
 */
async function timeProcess(dir: string, args: string[], memory = true): Promise<{ ms: number; peak: number; stdout: string }> {
  const started = performance.now();
  const child = execFile(process.execPath, [cli, ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  const sampler = memory ? samplePeakMemory(child.pid!) : { stop: async () => 0 };
  const stdout = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`clarion ${args.join(' ')} exited ${code}: ${out.slice(-500)}`))));
  });
  return { ms: performance.now() - started, peak: await sampler.stop(), stdout };
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

/** Short rebuilds are timed this many times (the median is reported). */
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchIncremental(dir: string, n: number): Promise<void> {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(`\nRebuilds: ${n} statements\n`);
  const cold = await timeProcess(dir, ['build', '--quiet']);
  console.log(`Cold full build                 ${(cold.ms / 1000).toFixed(2).padStart(7)} s   peak memory ${mb(cold.peak)}`);
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const lastLine = (run: { stdout: string }) => run.stdout.trim().split('\n').pop();
  const noops = [];
  for (let i = 0; i < RUNS; i++) noops.push(await timeProcess(dir, ['build', '--quiet'], false));
  const noop = await timeProcess(dir, ['build', '--quiet']);
  const noopMs = noops.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`No-op rebuild                   ${seconds(median(noopMs)).padStart(7)} s   median of ${RUNS} (${seconds(noopMs[0]!)}-${seconds(noopMs.at(-1)!)} s); ${lastLine(noop)}`);
  const file = path.join(dir, 'statements/statement-7.md');
  const original = await readFile(file, 'utf8');
  // Each run a fresh process after another edit of one statement; the last is sampled for memory.
  const ones = [];
  for (let i = 0; i < RUNS; i++) {
    await writeFile(file, original.replace('Statement 7 ', `Statement 7 (revision ${i + 1}) `));
    ones.push(await timeProcess(dir, ['build', '--quiet'], false));
  }
  await writeFile(file, original.replace('Statement 7 ', 'Statement 7 (revised) '));
  const one = await timeProcess(dir, ['build', '--quiet']);
  const oneMs = ones.map((r) => r.ms).sort((a, b) => a - b);
  console.log(`One statement changed (cold)    ${seconds(median(oneMs)).padStart(7)} s   median of ${RUNS} (${seconds(oneMs[0]!)}-${seconds(oneMs.at(-1)!)} s); ${lastLine(ones.at(-1)!)}`);

  // Watch mode, as staff run it: `clarion build --watch` in a process of its own; save, then
  // wait for the new outputs.
  const watching = spawn(process.execPath, [cli, 'build', '--watch', '--quiet'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  const sampler = samplePeakMemory(watching.pid!);
  let output = '';
  watching.stdout.on('data', (d) => (output += d));
  const builds = () => output.split('Watching statements/').length - 1;
  const waitForBuilds = async (n: number) => {
    while (builds() < n) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  await waitForBuilds(1);
  const html = path.join(dir, 'dist/statement-7/index.html');
  const pdf = path.join(dir, 'dist/statement-7/statement-7.pdf');
  // The first save starts the browser the way an editing session does; the others are measured.
  const saves: { html: number; pdf: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const before = Math.max((await stat(html)).mtimeMs, (await stat(pdf)).mtimeMs);
    const done = builds();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const saved = performance.now();
    await writeFile(file, original.replace('Statement 7 ', `Statement 7 (edit ${i}) `));
    const [h, p] = await Promise.all([waitForChange(html, before), waitForChange(pdf, before)]);
    saves.push({ html: h - saved, pdf: p - saved });
    await waitForBuilds(done + 1);
  }
  watching.kill('SIGINT');
  await new Promise((resolve) => watching.once('exit', resolve));
  const peakWatch = await sampler.stop();
  const measured = saves.slice(1);
  console.log(`Watch: save → new HTML          ${median(measured.map((s) => s.html)).toFixed(0).padStart(7)} ms (median of ${measured.length})`);
  console.log(`Watch: save → new PDF           ${median(measured.map((s) => s.pdf)).toFixed(0).padStart(7)} ms (median of ${measured.length})`);
  console.log(`Peak memory (Clarion + Chromium) ${mb(Math.max(cold.peak, noop.peak, one.peak, peakWatch))}`);
  await writeFile(file, original);

}

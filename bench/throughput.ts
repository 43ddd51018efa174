/**
 * The throughput rows, each build cold in a process of its own: HTML + text against a bare unified
 * pipeline, PDF only against a naive baseline (a fresh browser per PDF), every format against PDF
 * only, with when the first output reached the disk and the peak memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runBuild } from '../src/build/index.ts';
import { generate } from './generate.ts';
import type { Row } from './rows.ts';
import { firstOutput, timeCli, timeNode } from './run-cli.ts';

const NAIVE_N = 20;

/** A cold build of `dir` into `out` (emptied first); its time, first output and peak memory. */
async function coldBuild(dir: string, out: string, formats: string[] | undefined, memory = false) {
  const outDir = path.join(dir, out);
  await rm(outDir, { recursive: true, force: true });
  const run = await timeCli(dir, ['build', '--quiet', '--out', out, ...(formats ? ['--formats', formats.join(',')] : [])], memory);
  return { ...run, first: await firstOutput(outDir, run.startedAt) };
}

export async function htmlRows(dir: string, n: number): Promise<Row[]> {
  const bare = (await timeNode(path.join(import.meta.dirname, 'bare-unified.mjs'), [path.join(dir, 'statements')])) / n;
  const build = await coldBuild(dir, 'out-html-text', ['html', 'text']);
  await rm(path.join(dir, 'out-html-text'), { recursive: true, force: true });
  const value = build.ms / n;
  return [{ id: 'bare', n, value: bare }, { id: 'html-text', n, value, ratio: value / bare }];
}

/** The naive baseline, once per run: PDF only, a fresh browser per statement, one at a time. */
export async function naiveRow(): Promise<Row> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-bench-naive-'));
  try {
    await generate(dir, NAIVE_N);
    const started = performance.now();
    const result = await runBuild(dir, { paths: [], out: 'out', strict: false, formats: ['pdf'], naive: true });
    if (result.built.length !== NAIVE_N) throw new Error(`naive baseline: built ${result.built.length} of ${NAIVE_N}`);
    return { id: 'naive', n: NAIVE_N, value: (performance.now() - started) / NAIVE_N };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function pdfRows(dir: string, n: number, naive: Row | undefined): Promise<Row[]> {
  const build = await coldBuild(dir, 'out-pdf', ['pdf']);
  await rm(path.join(dir, 'out-pdf'), { recursive: true, force: true });
  const value = build.ms / n;
  return [{ id: 'pdf-only', n, value, ...(naive ? { ratio: value / naive.value } : {}) }];
}

/** The default build (every format) into dist/, left there for the rebuild rows; against `pdfOnly` when measured. */
export async function defaultRows(dir: string, n: number, pdfOnly: Row | undefined): Promise<Row[]> {
  const build = await coldBuild(dir, 'dist', undefined, true);
  const value = build.ms / n;
  return [
    { id: 'default', n, value, ...(pdfOnly ? { ratio: value / pdfOnly.value } : {}), note: `${(build.ms / 1000).toFixed(1)} s in all` },
    { id: 'first-output', n, value: build.first, ratio: build.first / build.ms },
    { id: 'memory', n, value: build.peak / 1024 / 1024 },
  ];
}

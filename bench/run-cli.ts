/**
 * Runs `clarion` as users do, compiled, in a process of its own, and times it. The benchmark
 * compiles into a folder of its own (named for the code), so another checkout sharing
 * node_modules never swaps the compiled files under it.
 */
import { execFile } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { codeId, compile } from '../scripts/compile.mjs';
import { samplePeakMemory } from './memory.ts';

let cliPath: string | undefined;

/** The compiled CLI's entry script (compiled on first use). */
export async function benchCli(): Promise<string> {
  if (cliPath) return cliPath;
  const dir = path.join(os.tmpdir(), `clarion-bench-cli-${codeId().slice(0, 16)}`);
  const entry = path.join(dir, 'clarion.mjs');
  if (!existsSync(entry)) {
    await compile(dir);
    // Clarion finds its font packages from where its modules are.
    symlinkSync(path.resolve(import.meta.dirname, '../node_modules'), path.join(dir, 'node_modules'));
    writeFileSync(entry, "import { run } from './cli.js';\nprocess.exitCode = await run(process.argv.slice(2));\n");
  }
  return (cliPath = entry);
}

export interface Timed {
  ms: number;
  /** Peak memory of the process tree (bytes), when sampled. */
  peak: number;
  stdout: string;
  /** Wall-clock time (ms since the epoch) the process started at. */
  startedAt: number;
}

/**
 * Runs `clarion <args>` in `dir`. With `memory`, a sampler process records the peak memory of the
 * process tree; sampling takes CPU time of its own, so short runs are timed without it.
 */
export async function timeCli(dir: string, args: string[], memory = false): Promise<Timed> {
  const cli = await benchCli();
  const startedAt = Date.now();
  const started = performance.now();
  const child = execFile(process.execPath, [cli, ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  const sampler = memory ? samplePeakMemory(child.pid!) : { stop: async () => 0 };
  const stdout = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`clarion ${args.join(' ')} exited ${code}: ${out.slice(-800)}`))));
  });
  return { ms: performance.now() - started, peak: await sampler.stop(), stdout, startedAt };
}

/** Runs a node script in a process of its own and times it. */
export async function timeNode(script: string, args: string[]): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, [script, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error) => (error ? reject(error) : resolve()));
  });
  return performance.now() - started;
}

/**
 * When the first statement output reached the disk, in ms after `startedAt`: the earliest
 * modification time of the files in the statements' folders (shared assets and the site are not
 * statement outputs).
 */
export async function firstOutput(outDir: string, startedAt: number): Promise<number> {
  let first = Infinity;
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('statement-')) continue;
    for (const file of await readdir(path.join(outDir, entry.name))) {
      first = Math.min(first, (await stat(path.join(outDir, entry.name, file))).mtimeMs);
    }
  }
  return first - startedAt;
}

/** The median of a few runs. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

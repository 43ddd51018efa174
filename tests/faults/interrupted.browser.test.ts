/** Faults during a build that prints: Ctrl-C, Chromium killed. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles, makeProject, repoRoot, statement } from '../support/project.ts';
import { CLOCK_TICKS, rendererTicks } from '../support/processes.ts';
import { waitFor } from '../support/wait.ts';

const cli = path.join(repoRoot, 'bin/clarion.js');

function many(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= n; i++) files[`statements/s${i}.md`] = statement({ title: `Statement ${i}`, date: '2023-11-27', location: 'Geneva', summary: 'S.' }, `Paragraph ${i}. `.repeat(200));
  return files;
}

/** Chromium processes started with a temporary folder under `tmp` (the build's own). */
function chromiumsUnder(tmp: string): { pid: number; main: boolean }[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => /chrom/i.test(line) && line.includes(tmp))
    .map((line) => ({ pid: Number(line.trim().split(/\s+/)[0]), main: !line.includes('--type=') }));
}

interface Build {
  child: ChildProcess;
  exited: Promise<number | null>;
  stderr(): string;
}

function startBuild(dir: string, tmp: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Build {
  const child = spawn(process.execPath, [cli, 'build', '--quiet', ...args], { cwd: dir, env: { ...process.env, ...env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, sig) => resolve(code ?? (sig ? 128 : null))));
  const build = { child, exited, stderr: () => stderr };
  started.push(build);
  return build;
}

async function leftovers(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((f) => f.endsWith('.tmp') || f.includes('.clarion-print') || f.endsWith('.clarion-lock'));
}

/** Builds started by a test: one that fails before its build exits leaves no process running. */
const started: Build[] = [];
afterEach(() => {
  for (const build of started.splice(0)) if (build.child.exitCode === null && build.child.signalCode === null) build.child.kill('SIGKILL');
});

describe('faults', () => {
  // A large build renders its statements on a worker thread (render-all.ts): stopped, it stops as cleanly.
  it.each([
    ['Ctrl-C', 'on the main thread', 'SIGINT', {}],
    ['SIGTERM', 'on a worker thread', 'SIGTERM', { CLARION_RENDER_THREADS: '1' }],
  ] as const)('%s during a build rendering %s: exit 130, no partial file, no Chromium left running', async (_name, _where, signal, env) => {
    const dir = await makeProject(many(40));
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'clarion-sigint-'));
    const build = startBuild(dir, tmp, [], env);
    await waitFor(() => chromiumsUnder(tmp).length > 0, { timeoutMs: 30_000, everyMs: 25, what: 'Chromium to start' });
    build.child.kill(signal);
    expect(await build.exited, build.stderr()).toBe(130);
    expect(build.stderr()).toContain('stopped; every output is either as it was or complete, none half-written');
    expect(build.stderr()).not.toMatch(/\bat .*:\d+:\d+\)?$|Error|Exception/m);
    // Gone within half a second of the exit (the processes it closed are reaped by then).
    await waitFor(() => chromiumsUnder(tmp).length === 0, { timeoutMs: 500, everyMs: 25, what: 'every Chromium of the build to be gone' });
    expect(chromiumsUnder(tmp)).toEqual([]);
    expect(await leftovers(path.join(dir, 'dist'))).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  });

  it('Chromium killed in the middle of a build: relaunched, and every PDF is made', async () => {
    const dir = await makeProject(many(12));
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'clarion-kill-'));
    // The PDFs alone: what the relaunched Chromium must finish.
    const build = startBuild(dir, tmp, ['--formats', 'pdf']);
    await waitFor(() => chromiumsUnder(tmp).some((p) => p.main), { timeoutMs: 30_000, everyMs: 25, what: 'Chromium to start' });
    // Killed once it has taken its first documents (its renderers have spent a third of a second
    // of processor time on them), and before it has printed them all.
    const mains = () => chromiumsUnder(tmp).filter((p) => p.main).map((p) => p.pid);
    await waitFor(() => mains().reduce((ticks, pid) => ticks + rendererTicks(pid), 0) >= CLOCK_TICKS / 3, { timeoutMs: 60_000, everyMs: 25, what: 'Chromium to take its first documents' });
    const printed = () => Array.from({ length: 12 }, (_, i) => existsSync(path.join(dir, `dist/s${i + 1}/s${i + 1}.pdf`))).filter(Boolean).length;
    for (const p of chromiumsUnder(tmp).filter((p) => p.main)) process.kill(p.pid, 'SIGKILL');
    expect(printed(), 'Chromium was killed after the last PDF: give the build more to print').toBeLessThan(12);
    expect(await build.exited).toBe(0);
    for (let i = 1; i <= 12; i++) {
      const pdf = await readFile(path.join(dir, `dist/s${i}/s${i}.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(chromiumsUnder(tmp)).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  });
});

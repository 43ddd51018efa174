/** Faults during a build: Ctrl-C, Chromium killed, a full disk, an unwritable folder, two builds at once. */
import { execFileSync, spawn } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clarion, listFiles, makeProject, repoRoot, statement } from '../support/project.ts';

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

function startBuild(dir: string, tmp: string, args: string[] = []) {
  const child = spawn(process.execPath, [cli, 'build', '--quiet', ...args], { cwd: dir, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, sig) => resolve(code ?? (sig ? 128 : null))));
  return { child, exited, stderr: () => stderr };
}

async function waitFor(condition: () => boolean, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function leftovers(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((f) => f.endsWith('.tmp') || f.includes('.clarion-print') || f.endsWith('.clarion-lock'));
}

describe('faults', () => {
  it('Ctrl-C during a build: exit 130, no partial file, no Chromium left running', async () => {
    const dir = await makeProject(many(40));
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'clarion-sigint-'));
    const build = startBuild(dir, tmp);
    await waitFor(() => chromiumsUnder(tmp).length > 0);
    build.child.kill('SIGINT');
    expect(await build.exited).toBe(130);
    expect(build.stderr()).toContain('stopped; every output is either as it was or complete, none half-written');
    await new Promise((r) => setTimeout(r, 500));
    expect(chromiumsUnder(tmp)).toEqual([]);
    expect(await leftovers(path.join(dir, 'dist'))).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  });

  it('Chromium killed in the middle of a build: relaunched, and every PDF is made', async () => {
    const dir = await makeProject(many(12));
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'clarion-kill-'));
    const build = startBuild(dir, tmp);
    await waitFor(() => chromiumsUnder(tmp).some((p) => p.main));
    // Let it start and take its first documents.
    await new Promise((r) => setTimeout(r, 1200));
    for (const p of chromiumsUnder(tmp).filter((p) => p.main)) process.kill(p.pid, 'SIGKILL');
    expect(await build.exited).toBe(0);
    for (let i = 1; i <= 12; i++) {
      const pdf = await readFile(path.join(dir, `dist/s${i}/s${i}.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(chromiumsUnder(tmp)).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  });

  it('a full disk: a clear error, and every previous output intact', async () => {
    const dir = await makeProject({ 'statements/a.md': statement({ title: 'A', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'First text.') });
    const out = path.join(dir, 'small');
    await mkdir(out);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', out]);
    try {
      expect((await clarion(dir, 'build', '--formats', 'html,text', '--out', 'small')).code).toBe(0);
      const before = await readFile(path.join(out, 'a/a.txt'), 'utf8');
      // Fill the disk but for a few kilobytes: room for the lock, not for the new outputs.
      const free = statfsSync(out).bavail * statfsSync(out).bsize;
      await writeFile(path.join(out, 'filler'), Buffer.alloc(Math.max(0, free - 16 * 1024)));
      await writeFile(path.join(dir, 'statements/a.md'), statement({ title: 'A', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Second text, '.repeat(20000)));
      const result = await clarion(dir, 'build', '--formats', 'html,text', '--out', 'small');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^statements\/a\.md:1:1 error .*cannot write: the disk is full — free some space and build again; the previous outputs are intact \(write\)$/m);
      expect(await readFile(path.join(out, 'a/a.txt'), 'utf8')).toBe(before);
      expect(await leftovers(out)).toEqual([]);
    } finally {
      execFileSync('umount', ['-l', out]);
    }
  });

  it('an output folder that cannot be written: a clear error naming the file, the other statements built', async () => {
    const dir = await makeProject({
      'statements/a.md': statement({ title: 'A', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text.'),
      'statements/b.md': statement({ title: 'B', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text.'),
    });
    await mkdir(path.join(dir, 'dist'), { recursive: true });
    await writeFile(path.join(dir, 'dist/b'), 'a file where the folder b/ should be');
    const result = await clarion(dir, 'build', '--formats', 'html,text');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^statements\/b\.md:1:1 error .*b\/index\.html: cannot write: a file stands where a folder should be — move that file out of the output folder \(write\)$/m);
    expect(await readdir(path.join(dir, 'dist/a'))).toEqual(expect.arrayContaining(['index.html', 'a.txt']));
    expect(await readFile(path.join(dir, 'dist/b'), 'utf8')).toBe('a file where the folder b/ should be');
  });

  it('two builds at once on one output folder: the second refuses with a clear message', async () => {
    const dir = await makeProject({ 'statements/a.md': statement({ title: 'A', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text.') });
    await mkdir(path.join(dir, 'dist'), { recursive: true });
    // A build in progress: the lock names a running process.
    await writeFile(path.join(dir, 'dist/.clarion-lock'), `${process.pid}\n`);
    const refused = await clarion(dir, 'build', '--formats', 'html');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^clarion: another Clarion build \\(process ${process.pid}\\) is writing .*dist — wait for it to finish, or build into another folder with --out\\n$`));
    expect(await readdir(path.join(dir, 'dist'))).toEqual(['.clarion-lock']);
    // A lock left by a build that no longer runs is taken over.
    await writeFile(path.join(dir, 'dist/.clarion-lock'), '999999\n');
    expect((await clarion(dir, 'build', '--formats', 'html')).code).toBe(0);
    expect(await leftovers(path.join(dir, 'dist'))).toEqual([]);
  });
});

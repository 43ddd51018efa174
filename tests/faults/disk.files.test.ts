/** Faults during a build that need no browser: a full disk, an unwritable folder, two builds at once. */
import { execFileSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clarion, listFiles, makeProject, statement } from '../support/project.ts';

async function leftovers(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter((f) => f.endsWith('.tmp') || f.includes('.clarion-print') || f.endsWith('.clarion-lock'));
}

describe('faults', () => {
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

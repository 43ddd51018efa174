/** The command line run in-process: output through Io only, exit codes, and the one Ctrl-C owner. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, type Io } from '../../src/cli/main.ts';
import { clarion, makeProject, statement } from '../support/project.ts';

const STATEMENT = statement({ title: 'Forty mosques desecrated', date: '2023-11-27', location: 'Rabwah, Pakistan', summary: 'S.' }, 'First paragraph.');

function capture(cwd: string, onWrite?: (text: string) => void): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    cwd,
    stdout: (t) => {
      out += t;
      onWrite?.(t);
    },
    stderr: (t) => (err += t),
    out: () => out,
    err: () => err,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('clarion, run in-process', () => {
  it('writes help and usage errors through Io, never to the process streams', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const writeErr = vi.spyOn(process.stderr, 'write');
    const help = await clarion('/nonexistent', '--help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Options of clarion send:');
    expect(await clarion('/nonexistent', 'build', '--help')).toMatchObject({ code: 0, stderr: '' });
    const wrong = await clarion('/nonexistent', 'chek');
    expect(wrong).toMatchObject({ code: 2, stdout: '', stderr: 'clarion: unknown command "chek" — did you mean "check"? (clarion --help lists the commands)\n' });
    expect(write).not.toHaveBeenCalled();
    expect(writeErr).not.toHaveBeenCalled();
  });

  it('refuses an option the command does not take, before doing anything', async () => {
    const dir = await makeProject({ 'statements/a.md': STATEMENT });
    const result = await clarion(dir, 'check', '--watch', '--formats', 'pdf');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'clarion: check does not take --watch, an option of build — check takes --strict and --json (clarion check --help explains them)\n',
    });
    expect(await clarion(dir, 'build', '--formats', 'pdf,nope')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'clarion: unknown format "nope" — use one or more of html, text, pdf, docx, eml, card, thumbnail\n',
    });
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('Ctrl-C during a build: exit 130, and nothing of the statement written', async () => {
    const dir = await makeProject({ 'statements/a.md': STATEMENT });
    const stop = new AbortController();
    stop.abort();
    const io = capture(dir);
    expect(await run(['build', '--formats', 'html,text'], io, { signal: stop.signal })).toBe(130);
    expect(io.err()).toBe('clarion: stopped; every output is either as it was or complete, none half-written\n');
    expect(existsSync(path.join(dir, 'dist/a/index.html'))).toBe(false);
  });

  it('owns the one SIGINT handler while a build runs, and removes it after', async () => {
    const dir = await makeProject({ 'statements/a.md': STATEMENT });
    const before = process.listenerCount('SIGINT');
    const during: number[] = [];
    const io = capture(dir, () => during.push(process.listenerCount('SIGINT')));
    expect(await run(['build', '--formats', 'html,text'], io)).toBe(0);
    expect(during.length).toBeGreaterThan(0);
    expect(new Set(during)).toEqual(new Set([before + 1]));
    expect(process.listenerCount('SIGINT')).toBe(before);
    expect(existsSync(path.join(dir, 'dist/a/index.html'))).toBe(true);
    // A check has nothing to finish: Ctrl-C ends it at once, as it ends any program.
    const checking: number[] = [];
    expect(await run(['check'], capture(dir, () => checking.push(process.listenerCount('SIGINT'))))).toBe(0);
    expect(checking).toEqual([before]);
  });

  it('Ctrl-C stops watch mode cleanly after its build', async () => {
    const dir = await makeProject({ 'statements/a.md': STATEMENT });
    const stop = new AbortController();
    const io = capture(dir, (t) => {
      if (t.startsWith('Watching')) stop.abort();
    });
    expect(await run(['build', '--watch', '--formats', 'html,text'], io, { signal: stop.signal })).toBe(0);
    expect(io.out()).toContain('Built 1 statement');
    expect(existsSync(path.join(dir, 'dist/a/a.txt'))).toBe(true);
  });

  it('Ctrl-C stops the preview cleanly', async () => {
    const dir = await makeProject({ 'statements/a.md': STATEMENT });
    const stop = new AbortController();
    const io = capture(dir, (t) => {
      if (t.startsWith('Preview: ')) stop.abort();
    });
    expect(await run(['preview', '--port', '0', '--formats', 'html,text'], io, { signal: stop.signal })).toBe(0);
    expect(io.out()).toMatch(/^Preview: http:\/\/127\.0\.0\.1:\d+\//m);
  });
});

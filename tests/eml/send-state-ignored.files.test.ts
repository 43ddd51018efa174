/**
 * The send state (`.clarion/`: the send logs, which hold the press list) stays out of git:
 * `clarion new` and the first `clarion send` that writes a log put `.clarion/` in the project's
 * .gitignore, creating it or adding the line once.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clarion, makeProject, ORGANIZATION, statement } from '../support/project.ts';
import { startSmtp, writeBuiltRelease, type TestSmtp } from './support.ts';

const SOURCE = 'statements/forty-mosques.md';
const ADDED = "# Clarion's send logs: they hold the press list\n.clarion/\n";
const gitignore = (dir: string) => readFile(path.join(dir, '.gitignore'), 'utf8');

describe('clarion new keeps .clarion/ out of git', () => {
  it('creates .gitignore with .clarion/, and adds nothing the second time', async () => {
    const dir = await makeProject({});
    expect((await clarion(dir, 'new', 'Forty mosques desecrated')).code).toBe(0);
    expect(await gitignore(dir)).toBe(ADDED);
    expect((await clarion(dir, 'new', 'Another statement')).code).toBe(0);
    expect(await gitignore(dir)).toBe(ADDED);
  });

  it('adds the line once to a .gitignore that lacks it, keeping what is there (even without a final newline)', async () => {
    const dir = await makeProject({ '.gitignore': 'node_modules/\ndist' });
    expect((await clarion(dir, 'new', 'Forty mosques desecrated')).code).toBe(0);
    expect(await gitignore(dir)).toBe(`node_modules/\ndist\n\n${ADDED}`);
    expect((await clarion(dir, 'new', 'Another statement')).code).toBe(0);
    expect(await gitignore(dir)).toBe(`node_modules/\ndist\n\n${ADDED}`);

    const crlf = await makeProject({ '.gitignore': 'dist/\r\n' });
    expect((await clarion(crlf, 'new', 'Forty mosques desecrated')).code).toBe(0);
    expect(await gitignore(crlf)).toBe(`dist/\r\n\r\n${ADDED.replace(/\n/g, '\r\n')}`);
  });

  it('leaves a .gitignore that already ignores the folder as it is', async () => {
    for (const line of ['.clarion/', '/.clarion', '.clarion', '/.clarion/**']) {
      const dir = await makeProject({ '.gitignore': `dist/\n${line}\n` });
      expect((await clarion(dir, 'new', 'Forty mosques desecrated')).code).toBe(0);
      expect(await gitignore(dir)).toBe(`dist/\n${line}\n`);
    }
  });
});

describe('clarion send keeps .clarion/ out of git the first time it writes a log', () => {
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
    process.env.CLARION_SMTP_URL = smtp.url;
  });
  afterEach(async () => {
    delete process.env.CLARION_SMTP_URL;
    await smtp.close();
  });

  async function project(files: Record<string, string> = {}): Promise<string> {
    const dir = await makeProject({
      [SOURCE]: statement({ title: 'Forty mosques desecrated in 2023', date: '2023-11-27', location: 'Rabwah, Pakistan', summary: 'S.' }, 'Text.'),
      'statements/organization.yaml': ORGANIZATION,
      'press/list.csv': 'name,email\nAnn,ann@news.example\n',
      ...files,
    });
    await writeBuiltRelease(dir, SOURCE);
    return dir;
  }

  it('creates .gitignore when it sends (not in a dry run), and adds nothing on later runs', async () => {
    const dir = await project();
    expect((await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv')).code).toBe(0);
    expect(existsSync(path.join(dir, '.gitignore'))).toBe(false);

    const first = await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created .gitignore: .clarion/ holds the send logs, with the press list, and stays out of git\n');
    expect(await gitignore(dir)).toBe(ADDED);
    expect(existsSync(path.join(dir, '.clarion/send-log/forty-mosques.jsonl'))).toBe(true);

    await writeFile(path.join(dir, 'press/more.csv'), 'name,email\nBob,bob@wire.example\n');
    const second = await clarion(dir, 'send', SOURCE, '--to', 'press/more.csv', '--yes', '--rate', '60000');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('.gitignore');
    expect(await gitignore(dir)).toBe(ADDED);
  });

  it('adds the line to a .gitignore that lacks it; leaves alone a project whose .clarion/ was there before', async () => {
    const dir = await project({ '.gitignore': 'dist/\n' });
    const sent = await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000');
    expect(sent.stdout).toContain('Updated .gitignore: .clarion/ holds the send logs');
    expect(await gitignore(dir)).toBe(`dist/\n\n${ADDED}`);

    // A project that chose to keep its logs (the folder exists, the line was taken out) is not overruled.
    const kept = await project({ '.gitignore': 'dist/\n' });
    await mkdir(path.join(kept, '.clarion/send-log'), { recursive: true });
    expect((await clarion(kept, 'send', SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000')).code).toBe(0);
    expect(await gitignore(kept)).toBe('dist/\n');
  });
});

/**
 * The send state, `.clarion/` in the project folder (the send logs, which hold the press list's
 * addresses and who got what), is kept out of version control: `clarion new` and the first
 * `clarion send` that writes a log put `.clarion/` in the project's .gitignore, creating the file
 * or adding the line once.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SEND_STATE_DIR = '.clarion';
export const GITIGNORE = '.gitignore';

/** The lines that already keep the folder out: `.clarion`, `/.clarion/`, `.clarion/**`... */
const IGNORED = /^\/?\.clarion(\/(\*\*?)?)?$/;

export type IgnoreResult = 'created' | 'added' | 'present';

/** Adds `.clarion/` to `<root>/.gitignore` unless a line there already ignores it. */
export async function ignoreSendState(root: string): Promise<IgnoreResult> {
  const file = path.join(root, GITIGNORE);
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined && text.split(/\r?\n/).some((line) => IGNORED.test(line.trim()))) return 'present';
  const eol = text?.includes('\r\n') ? '\r\n' : '\n';
  const before = text === undefined || text === '' ? '' : text.endsWith('\n') ? eol : `${eol}${eol}`;
  const lines = `${before}# Clarion's send logs: they hold the press list${eol}${SEND_STATE_DIR}/${eol}`;
  await writeFile(file, lines, { flag: 'a' });
  return text === undefined ? 'created' : 'added';
}

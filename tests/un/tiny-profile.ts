/** A project with a submission profile of 100 words ("tiny"), and submissions of any length for it. */
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { makeProject, statement } from '../support/project.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i + 1}`).join(' ');

/** A submission of `n` words under the tiny profile, general status. */
export const tinySubmission = (n: number) =>
  statement({ title: 'A submission', date: '2024-02-09', kind: 'un-submission', submission: { profile: 'tiny', status: 'general', body: 'Human Rights Council' } }, words(n));

/** A project with statements/over.md (101 words) and statements/under.md (99), and the tiny profile. */
export async function overAndUnder(): Promise<string> {
  const dir = await makeProject({ 'statements/over.md': tinySubmission(101), 'statements/under.md': tinySubmission(99) });
  await appendFile(path.join(dir, 'templates/un-submission/profiles.yaml'), '\ntiny:\n  name: Tiny test profile\n  limits:\n    general: 100\n  count_notes: true\n');
  return dir;
}

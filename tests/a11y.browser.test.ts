/** Accessibility of the built web pages, checked with axe-core in a real Chromium. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeCheck } from './support/axe.ts';
import { clarion, listFiles, makeProject, statement } from './support/project.ts';

describe('web pages pass axe-core', () => {
  it('has no violations on the sample, the newsroom index and the test fixtures', async () => {
    const dir = await makeProject(
      {
        'statements/embargoed.md': statement({ title: 'Embargoed <b>statement</b>', date: '2023-11-27', embargo: '2023-11-28T09:00 Asia/Karachi', location: 'Lahore, Pakistan', summary: 'S.', tags: ['a', 'b'], organizations: ['Example Rights Watch'] }, '## A heading\n\n| Column | Value |\n|---|---|\n| a | 1 |\n\n1. one\n2. two\n\n> quoted[^n]\n\n[^n]: A note with a [link](https://example.org).'),
        'statements/plain.md': statement({ title: 'Plain', date: '2023-11-26' }, 'Just text with an ![image](https://example.org/x.png).'),
      },
      { samples: true },
    );
    expect((await clarion(dir, 'build', '--formats', 'html', '--now', '2024-01-01T00:00Z')).code).toBe(0);
    const pages = (await listFiles(path.join(dir, 'dist'))).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, 'dist', f));
    expect(pages).toHaveLength(6);
    expect(await axeCheck(pages)).toEqual([]);
  });
});

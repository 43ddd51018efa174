/**
 * `check` finds what `build` finds: on a corpus of bad statements (a missing image, unsafe links,
 * raw HTML, footnotes that do not add up, a remote image, a broken template), `check` reports
 * every problem a build reports, each at its file, line and column, and exits as the build does.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/report/diagnostic.ts';
import { checkFixturesProject, clarion, makeProject, statement } from './support/project.ts';

const front = (title: string, extra: Record<string, unknown> = {}) => ({ title, date: '2023-11-27', location: 'Geneva', summary: 'S.', ...extra });

const CORPUS: Record<string, string> = {
  'statements/fine.md': statement(front('Fine'), 'Nothing wrong here.[^1]\n\n[^1]: A note.'),
  'statements/missing-image.md': statement(front('Missing image'), 'Before.\n\n![A chart](chart.png)'),
  'statements/unsafe-link.md': statement(front('Unsafe link'), 'Read [this](javascript:alert(1)) and <vbscript:x>.'),
  'statements/raw-html.md': statement(front('Raw HTML'), 'Text.\n\n<script>alert(1)</script>'),
  'statements/footnotes.md': statement(front('Footnotes'), 'A claim.[^1] Another claim.[^source]\n\nThird paragraph[^gone] ends.\n\n[^1]: The first note.\n\n[^unused]: Never referred to.'),
  'statements/remote-image.md': statement(front('Remote image'), 'Look: ![A chart](https://example.org/chart.png)'),
  'statements/broken-kind.md': statement(front('Broken kind', { kind: 'broken' }), 'Text.'),
};

describe('check and build report the same problems', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeProject(CORPUS);
    await mkdir(path.join(dir, 'templates/broken'), { recursive: true });
    await writeFile(path.join(dir, 'templates/broken/page.hbs'), '<p>{{title}}</p>\n<p>{{shout title}}</p>\n');
    await writeFile(path.join(dir, 'templates/broken/text.hbs'), '{{title}}\n');
  });

  const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`;

  it('reports footnote marks without notes as errors and unused notes as warnings, at their places', async () => {
    const result = await clarion(dir, 'check', 'statements/footnotes.md');
    expect(result.stdout.split('\n')).toEqual([
      'statements/footnotes.md:8:28 error the footnote mark [^source] has no note — add the note on a line of its own after the text, e.g. "[^source]: Source of the claim.", or remove the mark (undefined-footnote)',
      'statements/footnotes.md:10:16 error the footnote mark [^gone] has no note — add the note on a line of its own after the text, e.g. "[^gone]: Source of the claim.", or remove the mark (undefined-footnote)',
      'statements/footnotes.md:14:1 warning the note [^unused] is never referred to, so no output shows it — add the mark [^unused] where the note belongs in the text, or remove the note (unused-footnote)',
      '✖ 1 statement checked: 2 errors, 1 warning',
      '',
    ]);
    expect(result.code).toBe(1);
  });

  it('finds in check every problem the build finds, and no other', async () => {
    const checked = await clarion(dir, 'check', '--json');
    const built = await clarion(dir, 'build', '--json', '--formats', 'html,text,eml,docx');
    const checkedProblems = (JSON.parse(checked.stdout).diagnostics as Diagnostic[]).map(key).sort();
    const builtProblems = (JSON.parse(built.stdout).diagnostics as Diagnostic[]).map(key).sort();
    expect(checkedProblems).toEqual(builtProblems);
    // Each kind of problem is there, placed in its file.
    for (const rule of ['image', 'unsafe-link', 'raw-html', 'undefined-footnote', 'unused-footnote', 'remote-image', 'template']) {
      expect(checkedProblems.some((p) => p.includes(` ${rule} `)), rule).toBe(true);
    }
    expect(checkedProblems.filter((p) => p.startsWith('statements/fine.md'))).toEqual([]);
    expect(checked.code).toBe(1);
    expect(built.code).toBe(1);
  });

  it('agrees on the corpus of bad front matter too (tests/fixtures/check/)', async () => {
    const corpus = await checkFixturesProject();
    const checked = await clarion(corpus, 'check', '--json');
    const built = await clarion(corpus, 'build', '--json', '--formats', 'html,text,eml');
    const checkedProblems = (JSON.parse(checked.stdout).diagnostics as Diagnostic[]).map(key).sort();
    expect(checkedProblems.length).toBeGreaterThan(30);
    expect((JSON.parse(built.stdout).diagnostics as Diagnostic[]).map(key).sort()).toEqual(checkedProblems);
  });
});

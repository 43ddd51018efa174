/** The published set when a PDF fails to print: the statement stays as it was last built. */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clarion, makeProject, statement } from '../support/project.ts';
import { expectSiteMatchesDisk, readSite } from './published.ts';

const good = (title: string, date: string, extra: Record<string, unknown> = {}) => statement({ title, date, location: 'Geneva', summary: `About ${title}.`, ...extra }, `${title} text.`);

describe('a PDF that fails (prints PDFs)', () => {
  it('keeps the statement published and listed as it was last built', async () => {
    const dir = await makeProject({ 'statements/fine.md': good('Fine', '2023-11-27'), 'statements/slow.md': good('Slow', '2023-11-26') });
    const out = path.join(dir, 'dist');
    const pdf = (...args: string[]) => clarion(dir, 'build', '--formats', 'html,text,pdf', ...args);
    // The first build prints both well, in the default time (on a busy machine a PDF can take more than 3 s).
    expect((await pdf()).code).toBe(0);
    const before = await readFile(path.join(out, 'slow/slow.pdf'));
    // A kind whose print template makes a document of a million pages: it cannot finish in 3 s.
    await cp(path.join(dir, 'templates/press-release'), path.join(dir, 'templates/stuck'), { recursive: true });
    const print = path.join(dir, 'templates/stuck/print.hbs');
    await writeFile(print, (await readFile(print, 'utf8')).replace('<main>', '<main><div style="block-size: 20000000px"></div>'));
    await writeFile(path.join(dir, 'statements/slow.md'), good('Slow, revised', '2023-11-26', { kind: 'stuck' }));
    const result = await pdf('--timeout', '3');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^statements\/slow\.md:1:1 error the PDF did not finish printing in 3 s/m);
    expect(result.stderr).toContain('statements/slow.md: not built; its previous version stays published (dist/slow/)\n');
    expect(Buffer.compare(await readFile(path.join(out, 'slow/slow.pdf')), before)).toBe(0);
    expect((await readSite(out)).index.map((e) => e.title)).toEqual(['Fine', 'Slow']);
    expect(await expectSiteMatchesDisk(out)).toEqual(['fine', 'slow']);
  });
});

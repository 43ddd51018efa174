/** Embargoes, end to end: stated in every format, kept out of the newsroom until they pass. */
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarion, makeProject, read, statement } from '../support/project.ts';

const parseHtml = (html: string) => unified().use(rehypeParse).parse(html) as Root;
const LINE = 'EMBARGOED UNTIL 28 November 2023 at 09:00 GMT (09:00 UTC)';

describe('an embargoed statement', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeProject({
      'statements/embargoed.md': statement({ title: 'Embargoed news', date: '2023-11-27', embargo: '2023-11-28T09:00 Europe/London', location: 'London', summary: 'Not yet.' }, 'Text.'),
      'statements/public.md': statement({ title: 'Public news', date: '2023-11-20', location: 'London', summary: 'Out.' }, 'Text.'),
    });
  });

  const titles = async (out: string) => selectAll('.statements h2', parseHtml(await read(dir, `${out}/index.html`))).map((h) => toText(h));

  it('is built, marked noindex, with a visible banner and the embargo line in the page and the text', async () => {
    const result = await clarion(dir, 'build', '--formats', 'html,text', '--now', '2023-11-28T08:59Z');
    expect(result.code).toBe(0);
    const page = parseHtml(await read(dir, 'dist/embargoed/index.html'));
    expect(select('meta[name=robots]', page)!.properties.content).toBe('noindex, nofollow');
    expect(select('.embargo-banner', page)).toBeTruthy();
    expect(toText(select('.release-line', page)!)).toBe(LINE);
    expect((await read(dir, 'dist/embargoed/embargoed.txt')).split('\n')[0]).toBe(LINE);
    expect(select('meta[name=robots]', parseHtml(await read(dir, 'dist/public/index.html')))).toBeFalsy();
  });

  it('is left out of the newsroom index until the embargo has passed', async () => {
    expect((await clarion(dir, 'build', '--formats', 'html', '--out', 'before', '--now', '2023-11-28T08:59Z')).code).toBe(0);
    expect(await titles('before')).toEqual(['Public news']);
    expect((await clarion(dir, 'build', '--formats', 'html', '--out', 'after', '--now', '2023-11-28T09:00Z')).code).toBe(0);
    expect(await titles('after')).toEqual(['Embargoed news', 'Public news']);
  });

  it('takes "now" from SOURCE_DATE_EPOCH when --now is not given', async () => {
    process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2023, 10, 28, 8, 0) / 1000);
    try {
      expect((await clarion(dir, 'build', '--formats', 'html', '--out', 'epoch')).code).toBe(0);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
    expect(await titles('epoch')).toEqual(['Public news']);
  });
});

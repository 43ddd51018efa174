/**
 * Hostile and broken input: statements pasted from word processors and chat apps, or written by
 * someone trying to make the build read, run or print what it should not. Each trap of the
 * corpus (tests/fixtures/hostile/statements/, one file per trap, built with the repository's
 * templates) has its exact outcome pinned: a positioned error, a warning, or correct output.
 * Traps that git cannot hold (NUL bytes, a 1.5 MB file, symbolic links, FIFOs) are made here.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync } from 'node:fs';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkFixturesProject, clarion, listFiles, makeProject, read, statement } from '../support/project.ts';
import { DOT_PNG, hostileProject, normalizeSummary, within } from './support.ts';

const FIELDS = 'the fields here are title, subtitle, date, location, lang, kind, summary, tags, embargo, contacts, notes, slug, organizations, status, corrections, submission';
const TOO_DEEP = 'nest at most 50 levels; this is usually text pasted with stray ">" or indentation (too-deep)';
const TOO_DEEP_BRACKETS = 'nest at most 50 levels; this is usually text pasted with stray "[" and "]" (too-deep)';
const UNSAFE = 'links may only go to http://, https://, mailto: or tel: addresses (unsafe-link)';
const RAW_HTML = 'write it in Markdown instead (or set allow_html: true in organization.yaml if you trust every author) (raw-html)';

/** What `check` finds in the corpus: everything it can know without rendering. */
const CHECKED = [
  'statements/emphasis-nested.md:8:501 error this paragraph has 40000 emphasis marks (*, _ or ~) — a paragraph may have at most 500; this is usually text pasted with stray "*" or "_": remove them or write them as \\* and \\_ (too-many-marks)',
  `statements/footnotes-nested.md:10:1 error block quotes, lists or footnotes are nested 10001 levels deep here — ${TOO_DEEP}`,
  `statements/images-nested.md:8:2 error links or images are nested 5000 levels deep here — ${TOO_DEEP_BRACKETS}`,
  `statements/links-nested.md:8:1 error links or images are nested 10000 levels deep here — ${TOO_DEEP_BRACKETS}`,
  `statements/lists-10000.md:8:1 error block quotes, lists or footnotes are nested 10000 levels deep here — ${TOO_DEEP}`,
  `statements/quotes-10000.md:8:1 error block quotes, lists or footnotes are nested 10000 levels deep here — ${TOO_DEEP}`,
  `statements/quotes-51.md:8:1 error block quotes, lists or footnotes are nested 51 levels deep here — ${TOO_DEEP}`,
  'statements/slug-traversal.md:6:7 error slug "../../etc" may only contain lower-case letters, digits and single hyphens — e.g. "etc" (slug)',
  'statements/title-bidi.md:2:8 warning the title contains invisible or direction-changing characters (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING, U+2067 RIGHT-TO-LEFT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE) that can disguise text — retype the title or remove them (title)',
  'statements/title-zero-width.md:2:8 warning the title contains invisible or direction-changing characters (U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF ZERO WIDTH NO-BREAK SPACE, U+200D ZERO WIDTH JOINER) that can disguise text — retype the title or remove them (title)',
  // `!!binary` becomes bytes, which the message calls "a set of fields" (it is an object).
  'statements/yaml-binary-tag.md:2:17 error title must be text, not a set of fields — write text here (title)',
  `statements/yaml-merge-key.md:6:1 error unknown field "defaults" — remove it or check the spelling; ${FIELDS} (defaults)`,
  `statements/yaml-merge-key.md:7:1 error unknown field "<<" — remove it or check the spelling; ${FIELDS} (<<)`,
  `statements/yaml-proto-key.md:6:1 error unknown field "__proto__" — remove it or check the spelling; ${FIELDS} (__proto__)`,
  'statements/yaml-python-tag.md:2:8 error the tag "!!python/object/apply:os.system" is not allowed — remove the "!" tag; front matter holds only text, numbers, lists and fields (yaml-syntax)',
];

/** What only rendering finds: images, unsafe links and raw HTML (`check` does not parse the Markdown). */
const RENDERED = [
  'statements/image-absolute.md:8:1 error the image "/etc/passwd" is an absolute path — store the image beside the statement and write its path relative to it, e.g. images/chart.png (image)',
  'statements/image-outside.md:8:1 error the image "../../secret.png" is outside statements/ — copy the image into the statement\'s folder and link it from there (image)',
  `statements/raw-html.md:10:1 warning raw HTML "<script>alert(1)</script>" is left out of the outputs — ${RAW_HTML}`,
  `statements/raw-html.md:12:1 warning raw HTML "<img src=\\"x\\" onerror=\\"alert(2)\\">" is left out of the outputs — ${RAW_HTML}`,
  `statements/raw-html.md:14:8 warning raw HTML "<span onclick=\\"alert(3)\\">" is left out of the outputs — ${RAW_HTML}`,
  `statements/raw-html.md:14:37 warning raw HTML "</span>" is left out of the outputs — ${RAW_HTML}`,
  `statements/unsafe-links.md:8:1 warning the link target "javascript:alert(1)" is removed — ${UNSAFE}`,
  `statements/unsafe-links.md:8:36 warning the link target "JaVaScRiPt:alert(2)" is removed — ${UNSAFE}`,
  `statements/unsafe-links.md:8:70 warning the link target "data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg==" is removed — ${UNSAFE}`,
  `statements/unsafe-links.md:8:142 warning the link target "vbscript:msgbox(4)" is removed — ${UNSAFE}`,
  `statements/unsafe-links.md:8:172 warning the link target "javascript:alert(5)" is removed — ${UNSAFE}`,
  `statements/unsafe-links.md:8:235 warning the link target "javascript:alert(6)" is removed — ${UNSAFE}`,
  `statements/unsafe-links.md:8:257 warning the link target "//evil.example/x" is removed — ${UNSAFE}`,
  `statements/unsafe-links.md:10:1 warning the link target "javascript:alert(7)" is removed — ${UNSAFE}`,
  `statements/unsafe-links.md:12:1 warning the link target "javascript:alert(8)" is removed — ${UNSAFE}`,
];

const BUILT = [
  'handlebars-body',
  'handlebars-front-matter',
  'image-inside',
  'lists-50',
  'quotes-50',
  'raw-html',
  'title-bidi',
  'title-joiners',
  'title-zero-width',
  'unsafe-links',
  'wide-table',
  'yaml-anchors',
  'yaml-tab-separator',
];
const FAILED = [
  'emphasis-nested',
  'footnotes-nested',
  'image-absolute',
  'image-outside',
  'images-nested',
  'links-nested',
  'lists-10000',
  'quotes-10000',
  'quotes-51',
  'slug-traversal',
  'yaml-binary-tag',
  'yaml-merge-key',
  'yaml-proto-key',
  'yaml-python-tag',
];

/** Sorted the way the reporter sorts: by file, line, column. */
const bySource = (lines: string[]) =>
  [...lines].sort((a, b) => {
    const [fa, la, ca] = a.split(' ')[0]!.split(':');
    const [fb, lb, cb] = b.split(' ')[0]!.split(':');
    return fa!.localeCompare(fb!) || Number(la) - Number(lb) || Number(ca) - Number(cb);
  });

describe('the hostile corpus', () => {
  let dir: string;
  let checked: Awaited<ReturnType<typeof clarion>>;
  let built: Awaited<ReturnType<typeof clarion>>;
  const page = (slug: string) => read(dir, `dist/${slug}/index.html`);
  const text = (slug: string) => read(dir, `dist/${slug}/${slug}.txt`);

  beforeAll(async () => {
    dir = await hostileProject();
    checked = await clarion(dir, 'check');
    built = await clarion(dir, 'build', '--formats', 'html,text');
  });

  it('check reports every trap a build reports, each at its place, and exits 1', () => {
    expect(checked.stdout.split('\n')).toEqual([...bySource([...CHECKED, ...RENDERED]), '✖ 27 statements checked: 15 errors, 15 warnings', '']);
    expect(checked.code).toBe(1);
  });

  it('build reports those and the rendering traps, builds the rest, and exits 1', () => {
    expect(built.stderr.split('\n')).toEqual([...bySource([...CHECKED, ...RENDERED]), '']);
    const out = built.stdout.trim().split('\n');
    expect(out.slice(0, -1)).toEqual(BUILT.map((slug) => `statements/${slug}.md → dist/${slug}/index.html, dist/${slug}/${slug}.txt`));
    expect(normalizeSummary(out.at(-1)!)).toBe(`Built ${BUILT.length} statements (N files) in X s; ${FAILED.length} failed: ${FAILED.map((s) => `statements/${s}.md`).join(', ')}`);
    expect(built.code).toBe(1);
  });

  it('writes nothing for a statement that failed', async () => {
    const folders = (await listFiles(path.join(dir, 'dist'))).map((f) => f.split(path.sep)[0]);
    for (const slug of FAILED) expect(folders).not.toContain(slug);
    expect(folders).not.toContain('etc');
    expect(existsSync(path.join(dir, 'etc'))).toBe(false);
  });

  describe('YAML', () => {
    it('expands small anchors and aliases', async () => {
      expect(await page('yaml-anchors')).toContain('<meta name="description" content="Anchors and aliases are fine when they stay small">');
    });

    it('takes a tab after a colon as a space', async () => {
      expect(await text('yaml-tab-separator')).toContain('\nA tab after the colon is only a space\n');
    });

    it('never lets a __proto__ key reach an object prototype', () => {
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('pins the YAML traps of tests/fixtures/check: tabs, duplicate keys, an alias bomb, !!js/function, an unclosed front matter, Windows-1252', async () => {
      const traps = ['tab-indent', 'duplicate-key', 'alias-bomb', 'yaml-tag', 'unclosed-front-matter', 'not-utf-8'].map((t) => `statements/${t}.md`);
      const result = await clarion(await checkFixturesProject(), 'check', ...traps);
      expect(result.stdout.split('\n')).toEqual([
        'statements/alias-bomb.md:2:1 error the front matter expands its aliases (*name) into too much data — write the values out instead of using anchors (&name) and aliases (*name) (yaml-aliases)',
        'statements/duplicate-key.md:4:1 error this field appears twice — keep one of the two lines (yaml-syntax)',
        'statements/not-utf-8.md:4:14 error the file is not valid UTF-8 (byte 0xE8) — save it as UTF-8 in your editor ("Save with encoding" → UTF-8) (not-utf-8)',
        'statements/tab-indent.md:7:1 error a tab is used for indentation — indent with spaces, not tabs: 2 spaces, then - name: A. Example (tab-indent)',
        'statements/unclosed-front-matter.md:1:1 error the front matter opened on line 1 never closes — add a line "---" after the last field, before the text (unclosed-front-matter)',
        'statements/yaml-tag.md:2:8 error the tag "!!js/function" is not allowed — remove the "!" tag; front matter holds only text, numbers, lists and fields (yaml-syntax)',
        '✖ 6 statements checked: 6 errors',
        '',
      ]);
    });

    it('refuses NUL bytes at their place, in the front matter or the text', async () => {
      const project = await makeProject({
        'statements/nul-front.md': '---\ntitle: A\0title\ndate: 2023-11-27\n---\n\nText.\n',
        'statements/nul-body.md': '---\ntitle: A title\ndate: 2023-11-27\n---\n\nText with a NUL \0 in it.\n',
      });
      const result = await clarion(project, 'check');
      expect(result.stdout.split('\n')).toEqual([
        'statements/nul-body.md:6:17 error the file contains a NUL character, which text files never do — the file may be damaged or not a text file; copy its text into a new file (nul-character)',
        'statements/nul-front.md:2:9 error the file contains a NUL character, which text files never do — the file may be damaged or not a text file; copy its text into a new file (nul-character)',
        '✖ 2 statements checked: 2 errors',
        '',
      ]);
    });

    it('refuses a statement over 1 MB without parsing it', async () => {
      const huge = statement({ title: 'A statement of 1.5 MB', date: '2023-11-27' }, 'All work and no play. '.repeat(72_000));
      expect(Buffer.byteLength(huge)).toBeGreaterThan(1.5 * 1024 * 1024);
      const project = await makeProject({ 'statements/huge.md': huge });
      const started = performance.now();
      const result = await clarion(project, 'build', '--formats', 'html,text');
      expect(performance.now() - started).toBeLessThan(5000);
      expect(result.stderr).toBe('statements/huge.md:1:1 error the file is 1.5 MB; a statement may be at most 1.0 MB — split it into several statements, or move long annexes into a linked document (too-large)\n');
      expect(result.code).toBe(1);
    });
  });

  describe('Markdown', () => {
    it('builds fifty nested block quotes and fifty list levels', async () => {
      expect(await text('quotes-50')).toContain(`${'> '.repeat(50)}Fifty\n`);
      const lists = await page('lists-50');
      const body = lists.slice(lists.indexOf('<div class="body">'), lists.indexOf('<p class="end-mark">'));
      expect(body.match(/<ul>\n<li>Level \d+/g)).toHaveLength(50);
      expect(body).toContain('<li>Level 50</li>\n' + '</ul>\n</li>\n'.repeat(49) + '</ul>');
      expect(await text('lists-50')).toContain('Level\n');
    });

    it('builds a table two thousand columns wide, as column: value blocks in the text', async () => {
      const release = await text('wide-table');
      expect(release).toContain('Before the table.\n\nColumn 1: value 1\nColumn 2: value 2\n');
      expect(release).toContain('Column 2000: value 2000\n\nAfter the table.');
      expect((await page('wide-table')).match(/<th>/g)).toHaveLength(2000);
    });

    it('warns about invisible and direction-changing characters, but keeps the title as written', async () => {
      expect(await page('title-bidi')).toContain('<h1>Invoice \u202efdp.exe\u202c and an \u2067isolate\u2069</h1>');
      expect(await page('title-zero-width')).toContain('<h1>Pay\u200bment to the\u2060 mini\ufeffster was appro\u200dved</h1>');
    });

    it('takes joiners between Urdu letters and inside emoji for spelling, not disguise', async () => {
      expect(built.stderr).not.toContain('title-joiners');
      expect(await page('title-joiners')).toContain('بے\u200cحرمتی');
    });

    it('prints Handlebars syntax in the text literally, never evaluating it', async () => {
      const html = await page('handlebars-body');
      expect(html).toContain('Before {{constructor}} and {{#each this}}each{{/each}} and {{{bodyHtml}}} and {{> head}} and {{lookup this “constructor”}} after.</p>');
      expect(await text('handlebars-body')).toContain('— Before {{constructor}} and {{#each\nthis}}each{{/each}} and {{{bodyHtml}}} and {{> head}} and {{lookup this\n“constructor”}} after.\n');
    });

    it('prints Handlebars syntax in the front matter literally, escaped in the page', async () => {
      const html = await page('handlebars-front-matter');
      expect(html).toContain('<h1>{{constructor.name}} {{#each this}}each{{/each}}</h1>');
      expect(html).toContain('<p class="subtitle">{{{bodyHtml}}}</p>');
      expect(html).toContain('<meta name="description" content="{{&gt; head}} &lt;b&gt;bold&lt;/b&gt;">');
      expect(html).not.toContain('<b>bold</b>');
      const release = await text('handlebars-front-matter');
      expect(release).toContain('\n{{constructor.name}} {{#each this}}each{{/each}}\n\n{{{bodyHtml}}}\n');
      expect(release).toContain("\n{{LOOKUP THIS 'CONSTRUCTOR'}} — Text.\n");
    });

    it('drops unsafe link targets and keeps their text', async () => {
      const html = await page('unsafe-links');
      expect(html).not.toMatch(/(href|src)="\s*(javascript|vbscript|data):/i);
      expect(html).not.toContain('//evil.example');
      expect(html).toContain('— </span>script link mixed case data link vb link entity link ');
      expect(html).toContain('<a href="https://example.org/safe">a safe link</a>');
      expect(await text('unsafe-links')).toContain(
        '— script link mixed case data link vb link entity\nlink reference link javascript:alert(6) protocol-relative and a safe\nlink [1].\n\nscript image\n',
      );
    });

    it('leaves raw HTML out of every output: no <script>, no event handler', async () => {
      const html = await page('raw-html');
      expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
      expect(html).not.toMatch(/onerror|onclick|alert\(/);
      expect(html).toContain('<p>Inline span text.</p>');
      expect(await text('raw-html')).toContain('— Before.\n\nInline span text.\n\nAfter.\n');
    });

    it('publishes an image beside the statement', async () => {
      expect(await page('image-inside')).toMatch(/<img src="\.\.\/assets\/media\/dot\.[0-9a-f]+\.png" alt="A dot"/);
    });
  });

  describe('paths and symbolic links', () => {
    const secret = statement({ title: 'SECRET OUTSIDE', date: '2023-11-27', location: 'Geneva', summary: 'A file outside statements/.' }, 'SECRET TEXT.');
    let project: string;
    let fifo: string;
    const outsider = /SECRET/;

    beforeAll(async () => {
      project = await makeProject({
        'secret.md': secret,
        'secret-fr.md': secret,
        'secret.png': DOT_PNG,
        'outside/inner.md': secret,
        'statements/real/inside.md': statement({ title: 'Inside', date: '2023-11-27', location: 'Geneva', summary: 'Reached through a link.' }, 'Inside.'),
        'statements/images/dot.png': DOT_PNG,
        'statements/uses-images.md': statement({ title: 'Linked images', date: '2023-11-27', location: 'Geneva', summary: 'Two linked images.' }, '![In](images/link-inside.png)\n\n![Out](images/link-outside.png)'),
        'statements/inside-image.md': statement({ title: 'A linked image inside', date: '2023-11-27', location: 'Geneva', summary: 'One linked image.' }, '![In](images/link-inside.png)'),
        'statements/tr/en.md': statement({ title: 'English', date: '2023-11-27', location: 'Geneva', summary: 'A translated statement.' }, 'English.'),
      });
      // A FIFO blocks whoever opens it for reading: a build that opened it would never finish.
      fifo = path.join(project, 'fifo.md');
      execFileSync('mkfifo', [fifo]);
      await symlink('../fifo.md', path.join(project, 'statements/fifo-link.md'));
      await symlink('../secret.md', path.join(project, 'statements/link-outside.md'));
      await symlink(path.join(project, 'secret.md'), path.join(project, 'statements/link-absolute.md'));
      await symlink('real/inside.md', path.join(project, 'statements/link-inside.md'));
      await symlink('../outside', path.join(project, 'statements/linked-folder'));
      await symlink('real', path.join(project, 'statements/linked-inside-folder'));
      await symlink('nowhere.md', path.join(project, 'statements/dangling.md'));
      await symlink('dot.png', path.join(project, 'statements/images/link-inside.png'));
      await symlink('../../secret.png', path.join(project, 'statements/images/link-outside.png'));
      await symlink('../../secret-fr.md', path.join(project, 'statements/tr/fr.md'));
    });

    afterEach(() => {
      // Should a regression open the FIFO, give the reader an end of file so the run can finish.
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // ENXIO: nobody has it open for reading, as it should be.
      }
    });

    const LINK_ERRORS = [
      'statements/dangling.md:1:1 error the statement is a link to a file that does not exist — remove the link, or copy the file itself into statements/ (symlink)',
      'statements/fifo-link.md:1:1 error the statement is a link to a file outside statements/ — copy the file itself into statements/ (symlink)',
      'statements/link-absolute.md:1:1 error the statement is a link to a file outside statements/ — copy the file itself into statements/ (symlink)',
      'statements/link-outside.md:1:1 error the statement is a link to a file outside statements/ — copy the file itself into statements/ (symlink)',
      'statements/linked-folder:1:1 error the folder is a link to a folder outside statements/ — copy the folder itself into statements/ (symlink)',
      'statements/tr/fr.md:1:1 error the statement is a link to a file outside statements/ — copy the file itself into statements/ (symlink)',
    ];

    it('check refuses every link that leads out of statements/ (or nowhere), without opening it', async () => {
      const result = await within(20_000, clarion(project, 'check'), 'clarion check');
      expect(result.stdout.split('\n')).toEqual([
        ...LINK_ERRORS,
        'statements/uses-images.md:10:1 error the image "images/link-outside.png" is a link to a file outside statements/ — copy the image itself into the statement\'s folder (image)',
        '✖ 11 statements checked: 7 errors',
        '',
      ]);
      expect(() => openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)).toThrow(/ENXIO/);
    });

    it('refuses such a link when it is named on the command line too', async () => {
      const result = await within(20_000, clarion(project, 'check', 'statements/link-outside.md', 'statements/fifo-link.md'), 'clarion check');
      expect(result.stdout.split('\n')).toEqual([LINK_ERRORS[1], LINK_ERRORS[3], '✖ 2 statements checked: 2 errors', '']);
    });

    it('build follows links that stay inside statements/ and refuses, without reading, those that leave it', async () => {
      const result = await within(30_000, clarion(project, 'build', '--formats', 'html,text'), 'clarion build');
      expect(result.stderr.split('\n')).toEqual([
        ...LINK_ERRORS,
        'statements/uses-images.md:10:1 error the image "images/link-outside.png" is a link to a file outside statements/ — copy the image itself into the statement\'s folder (image)',
        '',
      ]);
      const out = result.stdout.trim().split('\n');
      expect(out.slice(0, -1)).toEqual([
        'statements/inside-image.md → dist/inside-image/index.html, dist/inside-image/inside-image.txt',
        'statements/link-inside.md → dist/link-inside/index.html, dist/link-inside/link-inside.txt',
        'statements/real/inside.md → dist/inside/index.html, dist/inside/inside.txt',
        'statements/tr/en.md → dist/tr/index.html, dist/tr/tr.txt',
      ]);
      expect(normalizeSummary(out.at(-1)!)).toBe(
        'Built 4 statements (N files) in X s; 7 failed: statements/dangling.md, statements/fifo-link.md, statements/link-absolute.md, statements/link-outside.md, statements/linked-folder, statements/tr/fr.md, statements/uses-images.md',
      );
      expect(() => openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)).toThrow(/ENXIO/);
      // Nothing of the files outside reached an output, and the translation links to no French page.
      for (const file of await listFiles(path.join(project, 'dist'))) {
        if (/\.(html|txt|xml)$/.test(file)) expect(await read(project, path.join('dist', file)), file).not.toMatch(outsider);
      }
      expect(existsSync(path.join(project, 'dist/tr/fr'))).toBe(false);
      expect(await read(project, 'dist/tr/index.html')).not.toContain('hreflang="fr"');
      expect(await read(project, 'dist/inside-image/index.html')).toMatch(/<img src="\.\.\/assets\/media\/dot\.[0-9a-f]+\.png" alt="In"/);
    });
  });

  describe('templates', () => {
    const one = { 'statements/one.md': statement({ title: 'One statement', date: '2023-11-27', location: 'Geneva', summary: 'A summary.' }, 'Text.') };
    const editPage = async (project: string, edit: (source: string) => string) => {
      const file = path.join(project, 'templates/press-release/page.hbs');
      await writeFile(file, edit(await readFile(file, 'utf8')));
    };

    it('renders nothing for prototype access, and writes nothing to the console', async () => {
      const project = await makeProject(one);
      await editPage(project, (s) =>
        s.replace(
          '<main>',
          '<main>\n<p id="proto">[{{constructor.name}}|{{__proto__}}|{{lookup this "constructor"}}|{{title.constructor.name}}|{{#with (lookup this "constructor")}}{{name}}{{/with}}|{{organization.__defineGetter__}}|{{log "from the template"}}]</p>',
        ),
      );
      const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
      try {
        const result = await clarion(project, 'build', '--formats', 'html,text');
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      expect(await read(project, 'dist/one/index.html')).toContain('<p id="proto">[||||||]</p>');
    });

    it('refuses an unknown helper, naming the template file and line', async () => {
      const project = await makeProject(one);
      await editPage(project, (s) => s.replace('<main>', '<main>\n<p>{{exec "rm -rf /"}}</p>'));
      const result = await clarion(project, 'build', '--formats', 'html,text');
      expect(result.stderr).toBe('templates/press-release/page.hbs:13:4 error unknown helper "exec" — fix the template; statements of this kind are not built until then (template)\n');
      expect(result.code).toBe(1);
      expect(existsSync(path.join(project, 'dist/one'))).toBe(false);
    });
  });
});

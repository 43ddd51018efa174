/** Bundled fonts per language: the packages, the faces read from them, font stacks and line heights. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clarion, makeProject, statement } from '../support/project.ts';
import { buildAssets } from '../../src/project/build-assets.ts';
import { fontFamilies, fontStackFor, languageTypography, lineHeightFor, loadFontFaces, parseFontsList, readFontsList, typographyStyle } from '../../src/project/fonts.ts';
import { repoRoot } from './render-card.ts';

const require = createRequire(import.meta.url);
const fontsList = () => readFontsList(repoRoot).entries;
const isWoff2 = (file: string) => readFileSync(file).subarray(0, 4).toString('latin1') === 'wOF2';

describe('the right-to-left font packages', () => {
  it.each(['@fontsource/noto-naskh-arabic', '@fontsource/noto-nastaliq-urdu'])('%s is installed as a dependency and carries woff2 files', (pkg) => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies[pkg]).toBeDefined();
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    for (const weight of [400, 700]) {
      const file = path.join(dir, 'files', `${pkg.slice('@fontsource/'.length)}-arabic-${weight}-normal.woff2`);
      expect(isWoff2(file), file).toBe(true);
    }
  });
});

describe('loadFontFaces', () => {
  const faces = loadFontFaces(fontsList()).faces;

  it('still gives every Source Serif 4 face, first, as before', () => {
    const serif = faces.filter((f) => f.family === 'Source Serif 4');
    // 3 weights × 2 styles × 6 subsets (cyrillic, cyrillic-ext, greek, latin, latin-ext, vietnamese).
    expect(serif).toHaveLength(36);
    expect(faces.slice(0, 36)).toEqual(serif);
    expect(new Set(serif.map((f) => f.file)).size).toBe(36);
    for (const face of serif) {
      expect(face.rule.startsWith('@font-face {') && face.rule.endsWith('}')).toBe(true);
      expect(face.rule).toContain("font-family: 'Source Serif 4';");
      expect(face.rule).toContain("src: url({{file}}) format('woff2');");
      expect(face.rule).toContain('font-display: block;');
      expect(face.langs).toEqual([]);
      expect(face.lineHeight).toBeUndefined();
    }
  });

  it('adds the Arabic-script subsets of Noto Naskh Arabic and Noto Nastaliq Urdu, regular and bold', () => {
    const rtl = faces.filter((f) => f.family === 'Noto Naskh Arabic' || f.family === 'Noto Nastaliq Urdu');
    expect(rtl.map((f) => path.basename(f.file))).toEqual([
      'noto-naskh-arabic-arabic-400-normal.woff2',
      'noto-naskh-arabic-arabic-700-normal.woff2',
      'noto-nastaliq-urdu-arabic-400-normal.woff2',
      'noto-nastaliq-urdu-arabic-700-normal.woff2',
    ]);
    for (const face of rtl) {
      expect(isWoff2(face.file)).toBe(true);
      expect(face.rule).toContain(`font-family: '${face.family}'`);
      // The Arabic block (and Urdu's letters, e.g. U+06D2 ے) is in the face's range.
      expect(face.rule).toMatch(/unicode-range: U\+0600-06FF/);
    }
    expect(rtl.find((f) => f.family === 'Noto Nastaliq Urdu')).toMatchObject({ langs: ['ur'], lineHeight: 2.2 });
    expect(rtl.find((f) => f.family === 'Noto Naskh Arabic')).toMatchObject({ langs: ['ar', 'fa'], lineHeight: 1.8 });
  });

  it('puts the new fonts into the stylesheets as assets', () => {
    const assets = buildAssets([{ name: 'k', dir: '', templates: {}, styles: { 'style.css': 'body{}' }, files: [], compiled: [] }], faces, undefined);
    const css = String(assets.files.find((f) => f.path.endsWith('.css'))!.content);
    expect(css).toMatch(/font-family: 'Noto Nastaliq Urdu';[^}]*src: url\(fonts\/noto-nastaliq-urdu-arabic-400-normal\.[0-9a-f]{10}\.woff2\)/);
    expect(assets.files.filter((f) => f.path.startsWith('assets/fonts/'))).toHaveLength(faces.length);
    // Every woff2 costs the build a file: the Urdu and Arabic regular and bold together stay under 500 KB.
    const rtlBytes = faces.filter((f) => f.langs.length > 0).reduce((n, f) => n + statSync(f.file).size, 0);
    expect(rtlBytes).toBeLessThan(500_000);
  });
});

describe('font stacks and line heights per language', () => {
  const fonts = fontFamilies(fontsList());

  it('puts the language’s own font first, then the shared one, then the generic family', () => {
    expect(fontStackFor(fonts, 'ur')).toBe("'Noto Nastaliq Urdu', 'Source Serif 4', serif");
    expect(fontStackFor(fonts, 'ur-PK')).toBe("'Noto Nastaliq Urdu', 'Source Serif 4', serif");
    expect(fontStackFor(fonts, 'UR-Arab-pk')).toBe("'Noto Nastaliq Urdu', 'Source Serif 4', serif");
    expect(fontStackFor(fonts, 'ar')).toBe("'Noto Naskh Arabic', 'Source Serif 4', serif");
    expect(fontStackFor(fonts, 'ar-EG')).toBe("'Noto Naskh Arabic', 'Source Serif 4', serif");
    expect(fontStackFor(fonts, 'fa')).toBe("'Noto Naskh Arabic', 'Source Serif 4', serif");
    for (const lang of ['en', 'en-GB', 'fr', 'es', 'de', 'urd', 'ara']) expect(fontStackFor(fonts, lang), lang).toBe("'Source Serif 4', serif");
  });

  it('falls back on the base font given, a font for every language', () => {
    const withTimes = [...fonts, { family: 'Times Alike', langs: [], generic: 'serif' as const }];
    expect(fontStackFor(withTimes, 'ur')).toBe("'Noto Nastaliq Urdu', 'Source Serif 4', serif");
    expect(fontStackFor(withTimes, 'ur', { base: 'Times Alike' })).toBe("'Noto Nastaliq Urdu', 'Times Alike', serif");
    expect(languageTypography(withTimes, 'en', { base: 'Times Alike' }).fontStack).toBe("'Times Alike', serif");
    expect(() => fontStackFor(withTimes, 'ur', { base: 'Noto Nastaliq Urdu' })).toThrow('the base font "Noto Nastaliq Urdu" is not a font of fonts.yaml for every language');
  });

  it('gives the line heights that Nastaliq and Naskh need, and none where the stylesheet’s own is right', () => {
    expect(lineHeightFor(fonts, 'ur')).toBe(2.2);
    expect(lineHeightFor(fonts, 'ar-SA')).toBe(1.8);
    expect(lineHeightFor(fonts, 'en')).toBeUndefined();
    expect(languageTypography(fonts, 'ur')).toEqual({ fontStack: "'Noto Nastaliq Urdu', 'Source Serif 4', serif", lineHeight: 2.2, headingLineHeight: 1.9 });
    expect(languageTypography(fonts, 'fr')).toEqual({ fontStack: "'Source Serif 4', serif" });
    expect(typographyStyle(languageTypography(fonts, 'ur'))).toBe("--font-stack: 'Noto Nastaliq Urdu', 'Source Serif 4', serif; --line-height: 2.2; --heading-line-height: 1.9");
    expect(typographyStyle(languageTypography(fonts, 'de'))).toBe("--font-stack: 'Source Serif 4', serif");
  });

  it('prefers the most specific language tag, then the order of fonts.yaml', () => {
    const custom = [
      { family: 'Shared Sans', langs: [], generic: 'sans-serif' as const },
      { family: 'Any Chinese', langs: ['zh'], generic: 'sans-serif' as const, lineHeight: 1.7 },
      { family: 'Traditional', langs: ['zh-hant'], generic: 'sans-serif' as const },
      { family: 'Second Chinese', langs: ['zh'], generic: 'sans-serif' as const },
    ];
    expect(fontStackFor(custom, 'zh-Hant-TW')).toBe("'Traditional', 'Any Chinese', 'Second Chinese', 'Shared Sans', sans-serif");
    expect(fontStackFor(custom.slice(1), 'zh')).toBe("'Any Chinese', 'Second Chinese', sans-serif");
    expect(fontStackFor(custom, 'zh-Hans')).toBe("'Any Chinese', 'Second Chinese', 'Shared Sans', sans-serif");
    expect(lineHeightFor(custom, 'zh-Hant')).toBe(1.7);
  });
});

describe('fonts.yaml', () => {
  it('rejects an unknown subset, naming the ones the package has', () => {
    const list = parseFontsList('templates/fonts.yaml', '- package: "@fontsource/noto-nastaliq-urdu"\n  family: Noto Nastaliq Urdu\n  weights: [400]\n  subsets: [arabc]\n');
    expect(loadFontFaces(list.entries).diagnostics.map((d) => `${d.message} — ${d.hint}`)).toEqual(['@fontsource/noto-nastaliq-urdu has no subset "arabc" — use one of arabic, latin, latin-ext']);
  });

  it('rejects a family name that could break out of its CSS string, and an unknown field', () => {
    const family = parseFontsList('templates/fonts.yaml', "- package: \"@fontsource/source-serif-4\"\n  family: \"X'; } body { color: red\"\n  weights: [400]\n");
    expect(family.entries).toEqual([]);
    expect(family.diagnostics.map((d) => `${d.line}:${d.column} ${d.field}`)).toEqual(['2:11 [0].family']);
    const field = parseFontsList('templates/fonts.yaml', '- package: "@fontsource/source-serif-4"\n  family: Source Serif 4\n  weights: [400]\n  lang: [ur]\n');
    expect(field.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['4:3 unknown field "lang"']);
  });
});

describe('a broken fonts list', () => {
  it('is reported by check and build at its line, with what to write, and builds nothing', async () => {
    const dir = await makeProject({ 'statements/a.md': statement({ title: 'A', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text.') });
    await writeFile(path.join(dir, 'templates/fonts.yaml'), '- package: "@fontsource/source-serif-4"\n  family: Source Serif 4\n  weights: [400, 600\n');
    const checked = await clarion(dir, 'check');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`templates/fonts.yaml:3:12 error the list opened with "[" here is never closed — close it on the same line with "]", e.g. weights: [400, 600] (yaml-syntax)`);
    const built = await clarion(dir, 'build', '--formats', 'html,text');
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^templates\/fonts\.yaml:3:\d+ error .+ — .+$/m);
    expect(built.stderr).not.toMatch(/internal error|bug in Clarion/);
    expect(existsSync(path.join(dir, 'dist/a/index.html'))).toBe(false);
    await writeFile(path.join(dir, 'templates/fonts.yaml'), '- package: "@fontsource/not-a-font"\n  family: Nothing\n  weights: [400]\n');
    expect((await clarion(dir, 'check')).stdout).toContain('templates/fonts.yaml:1:12 error the font package "@fontsource/not-a-font" is not installed — install it with npm install @fontsource/not-a-font, or name an installed @fontsource package ([0].package)');
  });
});

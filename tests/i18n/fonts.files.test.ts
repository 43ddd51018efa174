/** Bundled fonts per language: the packages, the faces read from them, font stacks and line heights. */
import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssets } from '../../src/assets/build-assets.ts';
import { fontStackFor, languageTypography, lineHeightFor, loadFontFaces, loadFonts, typographyStyle } from '../../src/assets/fonts.ts';
import { repoRoot } from './render-card.ts';

const require = createRequire(import.meta.url);
const fontsFile = path.join(repoRoot, 'templates/fonts.yaml');
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
  const faces = loadFontFaces(fontsFile);

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
    const assets = buildAssets([{ name: 'k', dir: '', templates: {}, styles: { 'style.css': 'body{}' }, files: [] }], faces, undefined);
    const css = String(assets.files.find((f) => f.path.endsWith('.css'))!.content);
    expect(css).toMatch(/font-family: 'Noto Nastaliq Urdu';[^}]*src: url\(fonts\/noto-nastaliq-urdu-arabic-400-normal\.[0-9a-f]{10}\.woff2\)/);
    expect(assets.files.filter((f) => f.path.startsWith('assets/fonts/'))).toHaveLength(faces.length);
    // Every woff2 costs the build a file: the Urdu and Arabic regular and bold together stay under 500 KB.
    const rtlBytes = faces.filter((f) => f.langs.length > 0).reduce((n, f) => n + statSync(f.file).size, 0);
    expect(rtlBytes).toBeLessThan(500_000);
  });
});

describe('font stacks and line heights per language', () => {
  const fonts = loadFonts(fontsFile);

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
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-fonts-test-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const write = async (yaml: string) => {
    const file = path.join(dir, 'fonts.yaml');
    await writeFile(file, yaml);
    return file;
  };

  it('rejects an unknown subset, naming the ones the package has', async () => {
    const file = await write('- package: "@fontsource/noto-nastaliq-urdu"\n  family: Noto Nastaliq Urdu\n  weights: [400]\n  subsets: [arabc]\n');
    expect(() => loadFontFaces(file)).toThrow('@fontsource/noto-nastaliq-urdu has no subset "arabc" (it has arabic, latin, latin-ext)');
  });

  it('rejects a family name that could break out of its CSS string, and an unknown field', async () => {
    await write("- package: \"@fontsource/source-serif-4\"\n  family: \"X'; } body { color: red\"\n  weights: [400]\n");
    expect(() => loadFonts(path.join(dir, 'fonts.yaml'))).toThrow(/family/);
    await write('- package: "@fontsource/source-serif-4"\n  family: Source Serif 4\n  weights: [400]\n  lang: [ur]\n');
    expect(() => loadFonts(path.join(dir, 'fonts.yaml'))).toThrow(/lang/);
  });
});

/** The shipped translations of the template words, and how a language finds its words. */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDiagnostic } from '../../src/report/diagnostic.ts';
import { loadStrings, localeWarning, lookupChain } from '../../src/project/locales.ts';
import { formatMessage, isMessage } from '../../src/templates/messages.ts';
import { repoRoot } from './render-card.ts';

const localesDir = path.join(repoRoot, 'templates/locales');
const readYaml = (file: string) => parse(readFileSync(path.join(localesDir, file), 'utf8')) as Record<string, unknown>;
const english = readYaml('en.yaml');
const shipped = readdirSync(localesDir).filter((f) => f.endsWith('.yaml') && f !== 'en.yaml').sort();
/** The arguments a message takes (an ICU select on `name_initial` takes `name`). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)[},]/g)].map((m) => m[1]!.replace(/_initial$/, '')))].sort();

describe('the shipped locales', () => {
  it('include French, Spanish, Arabic, Urdu and German', () => {
    expect(shipped).toEqual(expect.arrayContaining(['ar.yaml', 'de.yaml', 'es.yaml', 'fr.yaml', 'ur.yaml']));
  });

  it.each(shipped)('%s has every English key, no other, each a non-empty string with the same placeholders', (file) => {
    const own = readYaml(file);
    expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
    for (const [key, value] of Object.entries(english)) {
      expect(typeof own[key], `${file} ${key}`).toBe('string');
      expect((own[key] as string).trim(), `${file} ${key}`).not.toBe('');
      expect(placeholders(own[key] as string), `${file} ${key}`).toEqual(placeholders(String(value)));
      expect(isMessage(own[key] as string), `${file} ${key} is ICU MessageFormat`).toBe(true);
    }
    const loaded = loadStrings(localesDir, file.slice(0, -5));
    expect(loaded.missing).toEqual([]);
    expect(loaded.unknown).toEqual([]);
    expect(loaded.invalid).toEqual([]);
    expect(loaded.files).toEqual([file]);
  });

  it('are translated, not copied: no value equals the English one except PDF', () => {
    for (const file of shipped) {
      const own = readYaml(file);
      const same = Object.keys(english).filter((k) => own[k] === english[k]);
      expect(same, file).toEqual(['format_pdf']);
    }
  });

  it('write Arabic and Urdu in the Arabic script', () => {
    for (const lang of ['ar', 'ur']) {
      const { strings } = loadStrings(localesDir, lang);
      for (const [key, value] of Object.entries(strings)) {
        if (key === 'format_pdf') continue;
        const letters = value.replace(/\{\w+\}/g, '').match(/\p{L}/gu) ?? [];
        expect(letters.every((c) => /\p{Script=Arabic}/u.test(c)), `${lang} ${key}: ${value}`).toBe(true);
      }
    }
    // Urdu letters that Arabic does not use (ے, ی, ہ, ں, ٹ, ڈ...) show the Urdu file is Urdu.
    expect(Object.values(loadStrings(localesDir, 'ur').strings).join(' ')).toMatch(/[ےیہںٹڈ]/u);
    expect(loadStrings(localesDir, 'ur').strings.for_immediate_release).toBe('فوری اشاعت کے لیے');
    expect(loadStrings(localesDir, 'ar').strings.for_immediate_release).toBe('للنشر الفوري');
  });

  it('are found for regional and oddly cased tags', () => {
    expect(loadStrings(localesDir, 'ur-PK').strings.page_of).toBe('صفحہ {page} از {pages}');
    expect(loadStrings(localesDir, 'FR-ca').strings.for_immediate_release).toBe('POUR DIFFUSION IMMÉDIATE');
    expect(loadStrings(localesDir, 'de-CH').files).toEqual(['de.yaml']);
    expect(loadStrings(localesDir, 'en-GB')).toMatchObject({ missing: [], files: [] });
  });
});

describe('looking up the words of a language', () => {
  let dir: string;
  const englishYaml = 'for_immediate_release: FOR IMMEDIATE RELEASE\nmedia_contacts: Media contacts\nabout: About {name}\npage_of: Page {page} of {pages}\n';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'clarion-locale-test-'));
    await writeFile(path.join(dir, 'en.yaml'), englishYaml);
    // Partial: two keys missing, one empty (counts as missing), one unknown.
    await writeFile(path.join(dir, 'fr.yaml'), 'for_immediate_release: POUR DIFFUSION IMMÉDIATE\nabout:\nmedia_contact: Contact presse\n');
    await writeFile(path.join(dir, 'fr-CA.yaml'), 'media_contacts: Personnes-ressources\n');
    await writeFile(path.join(dir, 'zh.yaml'), 'page_of: 第 {page} 页，共 {pages} 页\n');
    await writeFile(path.join(dir, 'zh-Hant.yaml'), 'page_of: 第 {page} 頁，共 {pages} 頁\n');
    await writeFile(path.join(dir, 'it.yaml'), 'for_immediate_release: [not, a, word\n');
    await writeFile(path.join(dir, 'pt.yaml'), '- a list\n- not a mapping\n');
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('falls back to English for each missing key, and lists those keys in en.yaml order', () => {
    const fr = loadStrings(dir, 'fr');
    expect(fr.strings).toEqual({
      for_immediate_release: 'POUR DIFFUSION IMMÉDIATE',
      media_contacts: 'Media contacts',
      about: 'About {name}',
      page_of: 'Page {page} of {pages}',
      media_contact: 'Contact presse',
    });
    expect(fr.missing).toEqual(['media_contacts', 'about', 'page_of']);
    expect(fr.unknown).toEqual(['media_contact']);
    expect(fr.files).toEqual(['fr.yaml']);
  });

  it('goes from the general to the specific tag, each file over the one before', () => {
    const ca = loadStrings(dir, 'fr-CA');
    expect(ca.files).toEqual(['fr.yaml', 'fr-CA.yaml']);
    expect(ca.strings.media_contacts).toBe('Personnes-ressources');
    expect(ca.strings.for_immediate_release).toBe('POUR DIFFUSION IMMÉDIATE');
    expect(ca.missing).toEqual(['about', 'page_of']);
    expect(lookupChain('zh-hant-tw')).toEqual(['zh', 'zh-Hant', 'zh-Hant-TW']);
    expect(lookupChain('de-CH-x-press')).toEqual(['de', 'de-CH']);
    expect(loadStrings(dir, 'zh-Hant-TW').strings.page_of).toBe('第 {page} 頁，共 {pages} 頁');
    expect(loadStrings(dir, 'zh-Hans-CN').strings.page_of).toBe('第 {page} 页，共 {pages} 页');
  });

  it('uses English for a language without words, every key missing', () => {
    const ja = loadStrings(dir, 'ja');
    expect(ja.strings).toEqual(loadStrings(dir, 'en').strings);
    expect(ja.missing).toEqual(['for_immediate_release', 'media_contacts', 'about', 'page_of']);
    expect(ja.files).toEqual([]);
  });

  it('skips a locale file that is not a mapping of words, and says why', () => {
    const it_ = loadStrings(dir, 'it');
    expect(it_.files).toEqual([]);
    expect(it_.invalid).toEqual([{ file: 'it.yaml', reason: expect.stringMatching(/^not valid YAML/) }]);
    expect(loadStrings(dir, 'pt').invalid).toEqual([{ file: 'pt.yaml', reason: 'not a mapping of keys to words' }]);
  });

  it('gives ONE warning that lists every missing key, and none when nothing is missing', () => {
    const at = { file: 'statements/x.md', line: 4, column: 7, localesDir: 'templates/locales' };
    const warning = localeWarning('fr-CA', loadStrings(dir, 'fr-CA'), at);
    expect(warning).toMatchObject({ file: 'statements/x.md', line: 4, column: 7, severity: 'warning', rule: 'locale', field: 'lang' });
    expect(formatDiagnostic(warning!)).toBe(
      'statements/x.md:4:7 warning 2 template words missing for "fr-CA", shown in English: about, page_of — add the missing keys to templates/locales/fr-CA.yaml (lang)',
    );
    expect(localeWarning('ja', loadStrings(dir, 'ja'), at)?.message).toBe('there are no template words for "ja": English words are used (FOR IMMEDIATE RELEASE, Media contacts...)');
    expect(localeWarning('ja', loadStrings(dir, 'ja'), at)?.hint).toBe('add templates/locales/ja.yaml with the keys of templates/locales/en.yaml translated');
    expect(localeWarning('it', loadStrings(dir, 'it'), at)?.message).toMatch(/^the template words for "it" cannot be read: templates\/locales\/it.yaml \(not valid YAML/);
    expect(localeWarning('en', loadStrings(dir, 'en'), at)).toBeUndefined();
    expect(localeWarning('ur', loadStrings(localesDir, 'ur'), at)).toBeUndefined();
  });

  it('reads a locale file again once it has changed', async () => {
    const file = path.join(dir, 'es.yaml');
    await writeFile(file, 'for_immediate_release: PARA DIFUSIÓN INMEDIATA\n');
    await utimes(file, new Date(1_000_000), new Date(1_000_000));
    expect(loadStrings(dir, 'es').missing).toHaveLength(3);
    await writeFile(file, englishYaml.replace('FOR IMMEDIATE RELEASE', 'PARA DIFUSIÓN INMEDIATA'));
    await utimes(file, new Date(2_000_000), new Date(2_000_000));
    expect(loadStrings(dir, 'es').missing).toEqual([]);
  });
});

describe('the words the templates use', () => {
  const templatesDir = path.join(path.dirname(localesDir));
  const used = new Set<string>();
  for (const file of readdirSync(templatesDir, { recursive: true }) as string[]) {
    if (!file.endsWith('.hbs')) continue;
    for (const m of readFileSync(path.join(templatesDir, file), 'utf8').matchAll(/\(?t "([a-z_]+)"/g)) used.add(m[1]!);
  }

  it('are found in the templates', () => {
    expect(used.size).toBeGreaterThan(10);
  });

  it.each(shipped)('are all in %s', (file) => {
    const own = readYaml(file);
    expect([...used].filter((key) => typeof own[key] !== 'string')).toEqual([]);
  });

  it('follow the grammar of each language: French elides "de" before a vowel', () => {
    const about = (readYaml('fr.yaml') as Record<string, string>).about!;
    expect(formatMessage(about, 'fr', { name: 'Ahmadiyya Muslim Community Press Office' })).toBe('À propos d’Ahmadiyya Muslim Community Press Office');
    expect(formatMessage(about, 'fr', { name: 'Bureau de presse' })).toBe('À propos de Bureau de presse');
  });
});

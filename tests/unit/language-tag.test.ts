import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/report/diagnostic.ts';
import { langFieldProblem } from '../../src/sources/explain-language-tag.ts';
import { suggestLanguageTag } from '../../src/sources/language-names.ts';
import { canonicalLanguageTag, isLanguageTag } from '../../src/sources/language-tag.ts';
import { parseOrganization } from '../../src/sources/parse-organization.ts';
import { parseStatement } from '../../src/sources/parse-statement.ts';
import { organizationDefaults } from '../../src/sources/schema.ts';

const organization = { ...organizationDefaults, name: 'Example', contacts: [] };
const source = (lang: string) => new TextEncoder().encode(`---\ntitle: A title\ndate: 2023-11-27\nlang: ${lang}\nlocation: Geneva\nsummary: A summary.\n---\n\nText.\n`);
const parse = (lang: string) => parseStatement('statements/x.md', source(lang), { organization, kinds: ['press-release'] });

describe('language tags', () => {
  it('accepts well-formed tags of known languages, scripts and regions', () => {
    for (const tag of ['fr', 'pt-BR', 'ur-PK', 'zh-Hant-TW', 'en-GB', 'es-419', 'sr-Latn', 'fil', 'yue', 'de-1996', 'en-GB-u-ca-islamic']) expect(isLanguageTag(tag), tag).toBe(true);
  });

  it('refuses names, unknown languages, regions and variants, and malformed tags', () => {
    for (const tag of ['French', 'frenchs', 'xx', 'qaa', 'und', 'en-XX', 'en-ZZ', 'pt-brazil', 'pt_BR', 'en-', 'en--GB', '', ' fr']) expect(isLanguageTag(tag), tag).toBe(false);
  });

  it('reads other cases and old spellings as the standard tag', () => {
    expect(['EN', 'pt-br', 'en-UK', 'eng', 'iw', 'ZH-hant-tw'].map(canonicalLanguageTag)).toEqual(['en', 'pt-BR', 'en-GB', 'en', 'he', 'zh-Hant-TW']);
  });

  it('suggests the tag from English and native names, near misses and misshapen tags', () => {
    const cases: Record<string, string | undefined> = {
      French: 'fr', Frensh: 'fr', Français: 'fr', français: 'fr', Francais: 'fr', Urdu: 'ur', 'اردو': 'ur', Urdo: 'ur', Deutsch: 'de', Arabic: 'ar', 'العربية': 'ar',
      Russian: 'ru', 'русский': 'ru', '中文': 'zh', 'Ελληνικά': 'el', 'हिन्दी': 'hi',
      'Portuguese (Brazil)': 'pt-BR', 'Brazilian Portuguese': 'pt-BR', 'português (Brasil)': 'pt-BR', 'British English': 'en-GB', 'English (UK)': 'en-GB',
      'Chinese (Traditional, Taiwan)': 'zh-Hant-TW', 'Spanish (Latin America)': 'es-419',
      pt_BR: 'pt-BR', 'pt-Brazil': 'pt-BR', 'en-': 'en', 'en-XX': 'en',
      xx: undefined, qaa: undefined, Mandarin: undefined, '': undefined,
    };
    const got = Object.fromEntries(Object.keys(cases).map((name) => [name, suggestLanguageTag(name)]));
    expect(got).toEqual(cases);
  });

  it('says what to write, as an error for a name and as a warning for a non-standard spelling', () => {
    expect(langFieldProblem('fr')).toBeUndefined();
    expect(langFieldProblem('French')).toEqual({ severity: 'error', rule: 'invalid-lang', message: 'lang "French" is not a language tag', hint: 'did you mean fr (French)? write "lang: fr"' });
    expect(langFieldProblem('xx')).toEqual({ severity: 'error', rule: 'invalid-lang', message: 'lang "xx" is not a language tag', hint: 'use a BCP 47 tag: a language code, then optionally a script or region, e.g. en, fr, ur, en-GB, pt-BR, zh-Hant-TW' });
    expect(langFieldProblem('EN')).toEqual({ severity: 'warning', rule: 'lang-not-standard', message: 'lang "EN" is a non-standard spelling of en', hint: 'write "lang: en"; the outputs use en' });
  });

  it('positions the problem at the value in a statement, and builds with the standard tag', () => {
    expect(parse('Urdu').diagnostics.map(formatDiagnostic)).toEqual(['statements/x.md:4:7 error lang "Urdu" is not a language tag — did you mean ur (Urdu)? write "lang: ur" (lang)']);
    const upper = parse('pt-br');
    expect(upper.diagnostics.map(formatDiagnostic)).toEqual(['statements/x.md:4:7 warning lang "pt-br" is a non-standard spelling of pt-BR — write "lang: pt-BR"; the outputs use pt-BR (lang)']);
    expect(upper.statement?.lang).toBe('pt-BR');
  });

  it('checks the organisation profile by the same rule', () => {
    const bad = parseOrganization('statements/organization.yaml', new TextEncoder().encode('name: Example\nlang: Français\n'));
    expect(bad.diagnostics.map(formatDiagnostic)).toEqual(['statements/organization.yaml:2:7 error lang "Français" is not a language tag — did you mean fr (French)? write "lang: fr" (lang)']);
    const upper = parseOrganization('statements/organization.yaml', new TextEncoder().encode('name: Example\nlang: EN-gb\n'));
    expect(upper.organization?.lang).toBe('en-GB');
    expect(upper.diagnostics.map(formatDiagnostic)).toEqual(['statements/organization.yaml:2:7 warning lang "EN-gb" is a non-standard spelling of en-GB — write "lang: en-GB"; the outputs use en-GB (lang)']);
  });
});

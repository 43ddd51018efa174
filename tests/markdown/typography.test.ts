/**
 * Quotation marks and spacing per language: examples of each rule, and the property that makes
 * garbled text impossible: whatever the input and the language, only quotation marks and spaces
 * change; every other character stays, in order.
 */
import type { Root, Text } from 'mdast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTypography } from '../../src/markdown/typography.ts';
import { fragments } from '../words/arbitraries.ts';
import { parse } from './text/helpers.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

function typeset(markdown: string, lang: string): string {
  const tree = parse(markdown);
  applyTypography(tree, lang);
  return textOf(tree);
}

function textOf(tree: Root): string {
  const values: string[] = [];
  const walk = (node: Root | Root['children'][number]) => {
    if (node.type === 'text') values.push((node as Text).value);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return values.join('|');
}

describe('quotation marks and spacing', () => {
  it('sets the French sentence people type, with no-break spaces, and loses nothing', () => {
    expect(typeset('Le maire a dit : "C\'est l\'heure d\'agir." Qu\'en pensez-vous ? Les mots \'simples\' restent.', 'fr')).toBe(
      `Le maire a dit${NBSP}: «${NBSP}C’est l’heure d’agir.${NBSP}» Qu’en pensez-vous${NNBSP}? Les mots “simples” restent.`,
    );
  });

  it('adds the French spaces that were not typed, and keeps times and addresses as written', () => {
    expect(typeset('Attention: "oui"; vraiment?! Rendez-vous à 10:30, voir https://example.org/a?b=c ou «ici».', 'fr')).toBe(
      `Attention${NBSP}: «${NBSP}oui${NBSP}»${NNBSP}; vraiment${NNBSP}?! Rendez-vous à 10:30, voir |https://example.org/a?b=c| ou «${NBSP}ici${NBSP}».`,
    );
    // Canadian French spaces the colon and the guillemets only.
    expect(typeset('Quoi? "Oui": non!', 'fr-CA')).toBe(`Quoi? «${NBSP}Oui${NBSP}»${NBSP}: non!`);
  });

  it('uses each language\'s marks, nested quotes as typed, and ’ for apostrophes', () => {
    expect(typeset('He said, "It\'s the \'90s, the \'new\' era." The Ahmadis\' mosques.', 'en')).toBe('He said, “It’s the ’90s, the ‘new’ era.” The Ahmadis’ mosques.');
    expect(typeset('Er sagte: "Das \'ist\' gut."', 'de')).toBe('Er sagte: „Das ‚ist‘ gut.“');
    expect(typeset('Dijo "hola".', 'es')).toBe('Dijo «hola».');
    expect(typeset('Disse "olá".', 'pt-BR')).toBe('Disse “olá”.');
    expect(typeset('قال "نعم".', 'ar')).toBe('قال «نعم».');
    // A language without marks of its own takes English ones.
    expect(typeset('Alisema "ndiyo".', 'sw')).toBe('Alisema “ndiyo”.');
  });

  it('pairs quotes across emphasis and links, and leaves code, addresses and typed marks alone', () => {
    expect(typeset('"*Never* again," [they \'said\'](https://e.org) `"code"`.', 'en')).toBe('“|Never| again,” |they ‘said’| |.');
    expect(typeset('<https://e.org/it\'s> and “typed” ‚marks‘', 'de')).toBe('https://e.org/it\'s| and “typed” ‚marks‘');
  });

  it('changes only quotation marks and spaces, in every language, whatever the text', () => {
    const languages = ['en', 'fr', 'fr-CA', 'de', 'es', 'ar', 'ur', 'pt-BR', 'ru', 'sw'];
    const strip = (s: string) => s.replace(/['"‘’‚‛“”„‟«»‹›\s]/gu, '');
    fc.assert(
      fc.property(
        fc.constantFrom(...languages).chain((lang) => fc.tuple(fc.constant(lang), fc.array(fragments(lang), { minLength: 1, maxLength: 3 }))),
        fc.string({ unit: fc.constantFrom('"', "'", ' ', ':', '?', '!', ';', 'a', 'é', '«', '»', '’', '\u00A0', '\n', '*', '[', ']') }),
        ([lang, paragraphs], noise) => {
          const markdown = `${paragraphs.map((p) => p.md.replace(/\[\^@\]/g, '')).join('\n\n')}\n\n${noise}`;
          const tree = parse(markdown);
          const before = textOf(tree);
          applyTypography(tree, lang);
          const after = textOf(tree);
          expect(strip(after)).toBe(strip(before));
          // Each text node keeps its own characters: nothing moves between nodes.
          expect(after.split('|').map(strip)).toEqual(before.split('|').map(strip));
        },
      ),
      { numRuns: 500, seed: 20261206 },
    );
  });
});

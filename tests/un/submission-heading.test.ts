/** The heading of a UN submission, worded in the statement's language where the UN takes it. */
import { describe, expect, it } from 'vitest';
import type { SubmissionFields } from '../../src/kinds/un-submission/fields.ts';
import { headingLanguage, submissionHeading } from '../../src/kinds/un-submission/submission-heading.ts';
import type { Statement } from '../../src/sources/statement.ts';

const ORG = 'Ahmadiyya Muslim Community';

function heading(lang: string, fields: Omit<SubmissionFields, 'profile'>): string[] {
  const joint = (fields.submitters?.length ?? 0) > 0;
  const statement = { lang, kindData: { fields: { profile: 'hrc-written-statement', ...fields }, joint } } as unknown as Statement;
  return submissionHeading(statement, ORG);
}

const hrc = { body: 'Human Rights Council', session: 55, agenda_item: 4 } as const;

describe('the heading of a written statement', () => {
  it('in English', () => {
    expect(heading('en', { ...hrc, status: 'special' })).toEqual([
      'Human Rights Council',
      '55th session',
      'Agenda item 4',
      'Written statement submitted by Ahmadiyya Muslim Community, non-governmental organization in special consultative status',
    ]);
    expect(heading('en-GB', { session: 1, status: 'roster' })).toEqual(['1st session', 'Written statement submitted by Ahmadiyya Muslim Community, non-governmental organization on the roster']);
    expect(heading('en', { session: 52, status: 'general' })[0]).toBe('52nd session');
    expect(heading('en', { session: 53, status: 'general' })[0]).toBe('53rd session');
    expect(heading('en', { session: 11, status: 'general' })[0]).toBe('11th session');
  });

  it('in French, as the UN words it', () => {
    expect(heading('fr', { body: 'Conseil des droits de l’homme', session: 55, agenda_item: 4, status: 'special' })).toEqual([
      'Conseil des droits de l’homme',
      '55e session',
      'Point 4 de l’ordre du jour',
      'Exposé écrit présenté par Ahmadiyya Muslim Community, organisation non gouvernementale dotée du statut consultatif spécial',
    ]);
    expect(heading('fr-CH', { session: 1, status: 'roster' })).toEqual(['1re session', 'Exposé écrit présenté par Ahmadiyya Muslim Community, organisation non gouvernementale inscrite sur la Liste']);
  });

  it('in Spanish, as the UN words it', () => {
    expect(heading('es', { body: 'Consejo de Derechos Humanos', session: 55, agenda_item: 4, status: 'general' })).toEqual([
      'Consejo de Derechos Humanos',
      '55º período de sesiones',
      'Tema 4 de la agenda',
      'Exposición escrita presentada por Ahmadiyya Muslim Community, organización no gubernamental reconocida como entidad consultiva general',
    ]);
  });

  it('groups joint submitters General, then Special, then Roster, each group in the language’s plural and list', () => {
    const submitters = [
      { name: 'Roster Org', status: 'roster' },
      { name: 'Special One', status: 'special' },
      { name: 'General Two', status: 'general' },
      { name: 'Special Two', status: 'special' },
    ] as const;
    const last = (lang: string) => heading(lang, { status: 'general', submitters: [...submitters] }).at(-1);
    expect(last('en')).toBe(
      'Joint written statement submitted by Ahmadiyya Muslim Community and General Two, non-governmental organizations in general consultative status; ' +
        'Special One and Special Two, non-governmental organizations in special consultative status; Roster Org, non-governmental organization on the roster',
    );
    expect(last('fr')).toBe(
      'Exposé écrit présenté conjointement par Ahmadiyya Muslim Community et General Two, organisations non gouvernementales dotées du statut consultatif général\u202f; ' +
        'Special One et Special Two, organisations non gouvernementales dotées du statut consultatif spécial\u202f; Roster Org, organisation non gouvernementale inscrite sur la Liste',
    );
    expect(last('es')).toBe(
      'Exposición escrita conjunta presentada por Ahmadiyya Muslim Community y General Two, organizaciones no gubernamentales reconocidas como entidades consultivas generales; ' +
        'Special One y Special Two, organizaciones no gubernamentales reconocidas como entidades consultivas especiales; Roster Org, organización no gubernamental incluida en la Lista',
    );
  });

  it('keeps a session written out as written, and the country of a review', () => {
    expect(heading('fr', { session: 'Cinquante-cinquième session', country: 'Pakistan', status: 'special' }).slice(0, 2)).toEqual(['Cinquante-cinquième session', 'Pakistan']);
  });

  it('is in English for a language the UN does not take (the profile warns of it)', () => {
    for (const lang of ['ur', 'ar', 'de']) {
      expect(headingLanguage(lang)).toBe('en');
      expect(heading(lang, { ...hrc, status: 'special' })).toEqual(heading('en', { ...hrc, status: 'special' }));
    }
    expect(['en', 'fr', 'es', 'fr-BE', 'ES-419'].map(headingLanguage)).toEqual(['en', 'fr', 'es', 'fr', 'es']);
  });
});

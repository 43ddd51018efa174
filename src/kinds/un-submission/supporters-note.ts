/**
 * The footnote to the title of an HRC written statement that names the organisations without
 * consultative status that share its views (they cannot submit, so they are named, not listed
 * as co-sponsors). The Word file writes it and the word count counts it, from this one text.
 * HRC statements are in English, French or Spanish; other languages get the English wording.
 */
const WORDING: Record<string, (names: string) => string> = {
  en: (names) => `The following non-governmental organizations without consultative status also share the views expressed in this statement: ${names}.`,
  fr: (names) => `Les organisations non gouvernementales suivantes, sans statut consultatif, partagent également les opinions exprimées dans la présente déclaration\u00a0: ${names}.`,
  es: (names) => `Las siguientes organizaciones no gubernamentales sin reconocimiento como entidad consultiva también comparten las opiniones expresadas en esta declaración: ${names}.`,
};

/** The note's text, or undefined when there are no supporters (and so no note). */
export function supportersNote(supporters: readonly string[], lang: string): string | undefined {
  if (supporters.length === 0) return undefined;
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  const wording = WORDING[base] ?? WORDING.en!;
  const names = new Intl.ListFormat(WORDING[base] ? base : 'en', { type: 'conjunction' }).format(supporters);
  return wording(names);
}

/** Quotation marks and punctuation spacing by language (BCP 47 tag, or its primary language). */
export interface Quotes {
  /** The primary marks, typed as `"`. */
  double: [string, string];
  /** The marks for a quotation inside a quotation, typed as `'`. */
  single: [string, string];
}

export interface Spacing {
  /** The space a punctuation mark takes before it (French: `:` a no-break space, `; ! ?` a narrow one). */
  before: Record<string, string>;
  /** The space inside « and » (French). */
  insideGuillemets?: string;
}

const NBSP = '\u00A0';
const NARROW_NBSP = '\u202F';

const QUOTES: Record<string, Quotes> = {
  en: { double: ['“', '”'], single: ['‘', '’'] },
  de: { double: ['„', '“'], single: ['‚', '‘'] },
  fr: { double: ['«', '»'], single: ['“', '”'] },
  es: { double: ['«', '»'], single: ['“', '”'] },
  it: { double: ['«', '»'], single: ['“', '”'] },
  pt: { double: ['«', '»'], single: ['“', '”'] },
  'pt-BR': { double: ['“', '”'], single: ['‘', '’'] },
  ar: { double: ['«', '»'], single: ['‹', '›'] },
  ur: { double: ['“', '”'], single: ['‘', '’'] },
  ru: { double: ['«', '»'], single: ['„', '“'] },
};

/**
 * French (Imprimerie nationale): a no-break space before the colon and inside « », a narrow one
 * before `; ! ?`. Canadian French spaces only the colon and the guillemets.
 */
const SPACING: Record<string, Spacing> = {
  fr: { before: { ':': NBSP, ';': NARROW_NBSP, '!': NARROW_NBSP, '?': NARROW_NBSP }, insideGuillemets: NBSP },
  'fr-CA': { before: { ':': NBSP }, insideGuillemets: NBSP },
};

/** The most specific entry for the tag: `pt-BR`, else `pt`, else English (for quotes). */
function lookup<T>(table: Record<string, T>, lang: string): T | undefined {
  const parts = lang.split('-');
  const primary = parts[0]!.toLowerCase();
  const region = parts.find((p, i) => i > 0 && /^([A-Za-z]{2}|\d{3})$/.test(p));
  return (region ? table[`${primary}-${region.toUpperCase()}`] : undefined) ?? table[primary];
}

export function quotesFor(lang: string): Quotes {
  return lookup(QUOTES, lang) ?? QUOTES.en!;
}

export function spacingFor(lang: string): Spacing | undefined {
  return lookup(SPACING, lang);
}

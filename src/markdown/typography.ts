/** Quotation marks by language, for smart typography ("…" becomes “…”, „…“ or «…»). */
export interface Quotes {
  double: [string, string];
  single: [string, string];
}

const QUOTES: Record<string, Quotes> = {
  en: { double: ['“', '”'], single: ['‘', '’'] },
  de: { double: ['„', '“'], single: ['‚', '‘'] },
  fr: { double: ['« ', ' »'], single: ['‹ ', ' ›'] },
  es: { double: ['«', '»'], single: ['“', '”'] },
  it: { double: ['«', '»'], single: ['“', '”'] },
  ar: { double: ['«', '»'], single: ['‹', '›'] },
  ur: { double: ['“', '”'], single: ['‘', '’'] },
  ru: { double: ['«', '»'], single: ['„', '“'] },
};

export function quotesFor(lang: string): Quotes {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  return QUOTES[primary] ?? QUOTES.en!;
}

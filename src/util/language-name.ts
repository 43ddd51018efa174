/** Names of languages, from Intl. */

/** A language's name in that language, capitalised as a label: "اردو", "Français", "English". */
export function ownLanguageName(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return lang;
  }
}

/** A language's name in English: "Arabic", "Urdu", "French" (for messages, which are in English). */
export function englishLanguageName(lang: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

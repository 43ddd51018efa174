/**
 * The organisation as a statement in a given language shows it: its name, about, address and
 * contact roles in that language (from `languages:` of the profile), each text it lacks there
 * taken from the default language, and named, so that the build can say which to add.
 */
import type { Diagnostic } from '../report/diagnostic.ts';
import { ORGANIZATION_FILE } from '../project/paths.ts';
import type { Contact, Organization } from './schema.ts';
import { languageTagName } from './language-tag.ts';

type Texts = NonNullable<Organization['languages']>[string];

/** The entry of `languages:` for a tag: its own, else its primary language's (`fr` serves `fr-CA`). */
function textsFor(organization: Organization, lang: string): Texts | undefined {
  const languages = organization.languages ?? {};
  const primary = lang.split('-')[0]!;
  return languages[lang] ?? languages[primary];
}

function samePrimary(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}

export interface LocalOrganization {
  organization: Organization;
  /** The texts the profile has in its default language only. */
  missing: string[];
}

/** The organisation's texts in `lang` (its `lang` becomes `lang` when its about is in that language). */
export function organizationIn(organization: Organization, lang: string): LocalOrganization {
  if (samePrimary(lang, organization.lang)) return { organization, missing: [] };
  const texts = textsFor(organization, lang) ?? {};
  const missing: string[] = [];
  const pick = <K extends 'name' | 'about' | 'address'>(field: K): string | undefined => {
    const own = organization[field];
    if (own === undefined) return undefined;
    if (texts[field] !== undefined) return texts[field];
    missing.push(field);
    return own;
  };
  const roles = texts.roles ?? {};
  const contacts = organization.contacts.map((c) => localContact(c, roles, missing));
  const about = pick('about');
  const address = pick('address');
  return {
    // Its texts are in the statement's language now (the about is set in that language's typography).
    organization: { ...organization, name: pick('name')!, ...(about !== undefined ? { about } : {}), ...(address !== undefined ? { address } : {}), contacts, ...(texts.about !== undefined ? { lang } : {}) },
    missing: [...new Set(missing)],
  };
}

/** A contact's role in the language, when the profile gives it (for the statement's own contacts too). */
export function localContact(contact: Contact, roles: Record<string, string>, missing?: string[]): Contact {
  if (!contact.role) return contact;
  const role = roles[contact.role];
  if (role === undefined) {
    missing?.push(`role "${contact.role}"`);
    return contact;
  }
  return { ...contact, role };
}

/** The roles of a language, for contacts written in a statement. */
export function rolesIn(organization: Organization, lang: string): Record<string, string> {
  return samePrimary(lang, organization.lang) ? {} : textsFor(organization, lang)?.roles ?? {};
}

/** A warning for each text the profile lacks in the language: the default language's is used. */
export function missingTextWarnings(organization: Organization, tag: string, missing: readonly string[]): Diagnostic[] {
  // Said of the language (fr), which serves its regional forms (fr-CA) too.
  const lang = organization.languages?.[tag] ? tag : tag.split('-')[0]!;
  const name = languageTagName(lang);
  return missing.map((field) => {
    const key = field.startsWith('role ') ? 'contacts' : field;
    const at = organization.positions?.[organization.languages ? 'languages' : key] ?? { line: 1, column: 1 };
    return {
      file: ORGANIZATION_FILE, ...at, severity: 'warning', rule: 'organization-language', field: `languages.${lang}`,
      message: `the organisation's ${field} has no ${name} (${lang}) version, so statements in ${name} show it in ${languageTagName(organization.lang)}`,
      hint: `add it under languages: ${lang}: ${key === 'contacts' ? `roles: {${field.slice(6, -1)}: …}` : `${key}: …`}`,
    } satisfies Diagnostic;
  });
}

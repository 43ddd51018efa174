/**
 * What templates see for one statement. Front-matter values go in as plain strings (templates
 * escape them with {{ }}); only HTML our own pipeline produced ends in `...Html` (inserted with
 * {{{ }}}).
 */
import { typographyStyle, type LanguageTypography } from '../project/fonts.ts';
import type { Organization } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import type { Strings } from '../project/locales.ts';
import { formatDate, telHref } from './format.ts';
import { ownLanguageName } from '../util/language-name.ts';

export interface FormatLink {
  format: string;
  label: string;
  href: string;
  type: string;
}

export interface RenderedParts {
  bodyHtml: string;
  notesHtml: string[];
  aboutHtml?: string;
}

export interface TextParts {
  headline: string;
  subtitle?: string;
  body: string;
  contacts: string;
  notes: string;
  about?: string;
  references: string;
  /** Each correction, "Correction (28 November 2023): ...", wrapped. */
  corrections?: string;
  /** The statement's other languages, "Also in: Français https://...", wrapped. */
  translations?: string;
  /** What the statement's kind adds (a UN submission: its first block and the supporters' note, wrapped). */
  [part: string]: string | undefined;
}

export interface ViewModel {
  [key: string]: unknown;
}

export interface ViewInputs {
  statement: Statement;
  organization: Organization;
  strings: Strings;
  html?: RenderedParts;
  text?: TextParts;
  formats: FormatLink[];
  /** Hrefs relative to the page: stylesheets, logo, fonts. */
  assets: Record<string, string>;
  /** Absolute URL of the page, when the organisation has a website. */
  canonicalUrl?: string;
  /** Clarion's name and version, for generator tags. */
  generator: string;
  /** What the statement's kind gives its templates (a UN submission: `submission`, its first block, word count, layout). */
  kindView?: Record<string, unknown>;
  /** The share card's URL (absolute when the organisation has a website). */
  cardUrl?: string;
  /** Font stack and line heights of the statement's language (assets/fonts.ts languageTypography). */
  typography?: LanguageTypography;
}

export function viewModel(inputs: ViewInputs): ViewModel {
  const { statement: s, organization: org } = inputs;
  const contacts = s.contacts.map((c) => ({ ...c, ...(c.phone ? { tel: telHref(c.phone) } : {}) }));
  return {
    lang: s.lang,
    dir: s.dir,
    slug: s.slug,
    kind: s.kind,
    title: s.title,
    subtitle: s.subtitle,
    summary: s.summary,
    description: s.summary ?? s.subtitle ?? s.title,
    tags: s.tags,
    date: s.date.date,
    location: s.location,
    embargo: s.embargo?.text,
    embargoIso: s.embargo?.instant.toISOString(),
    embargoed: s.embargo !== undefined,
    draft: s.draft,
    proof: s.proof,
    /** The words at the top of every printed page: a proof's reason, or a draft's "DRAFT". */
    pageMark: s.proof ?? (s.draft ? inputs.strings.draft ?? 'DRAFT' : undefined),
    // Search engines leave out what is not published: an embargoed statement, a draft, a proof.
    noindex: s.embargo !== undefined || s.draft || s.proof !== undefined,
    corrections: s.corrections.map((c) => ({ date: c.date.date, dateText: formatDate(c.date, s.lang), note: c.note })),
    corrected: s.corrections.length > 0,
    organizations: s.organizations,
    contacts,
    organization: {
      name: org.name,
      website: org.website,
      addressLines: org.address ? org.address.trim().split('\n') : [],
      timezone: org.timezone,
      dateline_style: org.dateline_style,
      end_mark: org.end_mark,
      paper: org.paper,
      hasAbout: Boolean(org.about),
    },
    strings: inputs.strings,
    formats: inputs.formats,
    assets: inputs.assets,
    canonicalUrl: inputs.canonicalUrl,
    generator: inputs.generator,
    ...(inputs.kindView ?? {}),
    cardUrl: inputs.cardUrl,
    alternates: alternates(inputs),
    otherLanguages: alternates(inputs).filter((a) => !a.current),
    jsonLd: jsonLd(inputs),
    // `style="{{typographyStyle}}"` on <html>: the stylesheets read these custom properties.
    fontStack: inputs.typography?.fontStack,
    lineHeight: inputs.typography?.lineHeight,
    headingLineHeight: inputs.typography?.headingLineHeight,
    typographyStyle: inputs.typography ? typographyStyle(inputs.typography) : '',
    ...(inputs.html ?? {}),
    text: inputs.text,
  };
}

function jsonLd(inputs: ViewInputs): Record<string, unknown> {
  const { statement: s, organization: org } = inputs;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: s.title,
    ...(s.subtitle ? { alternativeHeadline: s.subtitle } : {}),
    ...(s.summary ? { description: s.summary } : {}),
    datePublished: s.date.hasTime ? s.date.instant.toISOString() : s.date.date,
    inLanguage: s.lang,
    ...(s.tags.length ? { keywords: s.tags.join(', ') } : {}),
    ...(s.location ? { locationCreated: { '@type': 'Place', name: s.location } } : {}),
    ...(inputs.canonicalUrl ? { url: inputs.canonicalUrl, mainEntityOfPage: inputs.canonicalUrl } : {}),
    author: { '@type': 'Organization', name: org.name, ...(org.website ? { url: org.website } : {}) },
    publisher: { '@type': 'Organization', name: org.name, ...(org.website ? { url: org.website } : {}) },
  };
}

/** The statement's other languages, for hreflang links and the language switcher. */
function alternates(inputs: ViewInputs): { lang: string; href: string; label: string; current: boolean }[] {
  return languageVersions(inputs.statement, inputs.canonicalUrl);
}

/** Every language version of a statement: its language, its name in that language, and its address (absolute with a website). */
export function languageVersions(s: Statement, canonicalUrl: string | undefined): { lang: string; href: string; label: string; current: boolean }[] {
  const up = '../'.repeat(s.folder.split('/').length);
  return s.translations.map((t) => ({
    lang: t.lang,
    href: canonicalUrl ? new URL(`${up}${t.folder}/`, canonicalUrl).href : `${up}${t.folder}/`,
    label: ownLanguageName(t.lang),
    current: t.folder === s.folder,
  }));
}

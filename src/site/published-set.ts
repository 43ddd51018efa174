/**
 * The published set: every statement whose outputs are in the output folder, as the manifest
 * records them after a build. A statement that fails keeps its last good outputs and its listing;
 * one whose source is gone leaves it. The site is made from this set alone.
 */
import type { Diagnostic } from '../report/diagnostic.ts';
import { translationOf } from '../sources/load-statements.ts';
import type { Statement } from '../sources/statement.ts';
import type { ManifestEntry } from '../build/manifest.ts';
import type { Listing, Published } from './listing.ts';

type Entries = Readonly<Record<string, ManifestEntry>>;

/** Every statement the entries list, by source file. Entries without a listing (older manifests) are not listed. */
export function publishedSet(entries: Readonly<Record<string, { listing?: Listing | undefined }>>): Published[] {
  return Object.entries(entries)
    .flatMap(([file, entry]) => (entry.listing ? [{ file, ...entry.listing }] : []))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * The language versions of each translated statement, counting those that fail in this build but
 * stay published (their source still exists): the pages go on linking to them, as before.
 */
export function withPublishedTranslations(statements: readonly Statement[], entries: Entries, exists: (file: string) => boolean): Statement[] {
  // The published versions of each translated statement, by its source folder.
  const byGroup = new Map<string, { lang: string; folder: string }[]>();
  for (const [file, entry] of Object.entries(entries)) {
    const group = translationOf(file)?.folder;
    if (group && entry.listing && exists(file)) byGroup.set(group, [...(byGroup.get(group) ?? []), { lang: entry.listing.lang, folder: entry.listing.folder }]);
  }
  return statements.map((statement) => {
    const group = translationOf(statement.file)?.folder;
    const versions = statement.translations.length ? statement.translations : [{ lang: statement.lang, folder: statement.folder }];
    const kept = (group ? byGroup.get(group) ?? [] : []).filter((p) => !versions.some((v) => v.folder === p.folder));
    if (kept.length === 0) return statement;
    // The default language first (it has the statement's own folder), then the others by language.
    const all = [...versions, ...kept].sort((a, b) => Number(b.folder === statement.slug) - Number(a.folder === statement.slug) || a.lang.localeCompare(b.lang));
    return { ...statement, translations: all };
  });
}

/**
 * Statements of this build whose output folder a published statement of another source owns, one
 * that this build does not build (not asked for, or failing): both would write one folder.
 */
export function foldersTaken(statements: readonly Statement[], entries: Entries, exists: (file: string) => boolean): Diagnostic[] {
  const building = new Set(statements.map((s) => s.file));
  const owners = new Map<string, string>();
  for (const [file, entry] of Object.entries(entries)) if (!building.has(file) && exists(file)) owners.set(entry.slug, file);
  return statements.flatMap((s) => {
    const owner = owners.get(s.folder);
    if (!owner) return [];
    return [{
      file: s.file, line: 1, column: 1, severity: 'error', rule: 'duplicate-slug', field: 'slug',
      message: `the slug "${s.folder}" is also used by ${owner}`,
      hint: 'give one of them a different "slug:" or rename the file',
    } satisfies Diagnostic];
  });
}

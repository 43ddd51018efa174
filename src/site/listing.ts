/**
 * What the newsroom shows of a statement (the index, the feeds, the sitemap): its listing. It is
 * taken from the statement when its outputs are written and kept in the manifest beside them, so
 * that the site always lists what is published on disk, as it was built, whatever later builds
 * of the statement make of it.
 */
import { z } from 'zod';
import { SLUG_PATTERN } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import { allFormats } from '../formats/index.ts';

/** An output folder, `<slug>` or `<slug>/<lang>`: a manifest naming any other is not trusted. */
const FOLDER = new RegExp(`^${SLUG_PATTERN.source.slice(1, -1)}(?:/[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?$`);

export const listingSchema = z.strictObject({
  slug: z.string().regex(SLUG_PATTERN),
  folder: z.string().regex(FOLDER),
  title: z.string(),
  summary: z.string().optional(),
  tags: z.array(z.string()),
  lang: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  kind: z.string(),
  /** The release date as written (`YYYY-MM-DD`). */
  date: z.string(),
  /** The release moment (ISO 8601, UTC): the order of the index and the feeds. */
  released: z.string(),
  /** The end of its embargo (ISO 8601, UTC), if any. */
  embargo: z.string().optional(),
  /** Every language version of the statement (itself included), when it has translations. */
  translations: z.array(z.strictObject({ lang: z.string(), folder: z.string().regex(FOLDER) })),
  /** The formats that apply to it (its Word file, for a kind that has one). */
  formats: z.array(z.string()),
  /** A draft: built, but never listed. */
  draft: z.literal(true).optional(),
  /** Its latest correction (ISO 8601, UTC) and that correction's date as written. */
  corrected: z.string().optional(),
  correctedDate: z.string().optional(),
});

export type Listing = z.infer<typeof listingSchema>;

/** A published statement: its source file and its listing. */
export type Published = Listing & { file: string };

export function listingOf(statement: Statement): Listing {
  return {
    slug: statement.slug,
    folder: statement.folder,
    title: statement.title,
    ...(statement.summary !== undefined ? { summary: statement.summary } : {}),
    tags: [...statement.tags],
    lang: statement.lang,
    dir: statement.dir,
    kind: statement.kind,
    date: statement.date.date,
    released: statement.date.instant.toISOString(),
    ...(statement.embargo ? { embargo: statement.embargo.instant.toISOString() } : {}),
    translations: statement.translations.map((t) => ({ lang: t.lang, folder: t.folder })),
    formats: allFormats().filter((f) => f.appliesTo(statement)).map((f) => f.name),
    // A draft, or a proof built in spite of its errors, is never listed.
    ...(statement.draft || statement.proof ? { draft: true as const } : {}),
    ...latestCorrection(statement),
  };
}

function latestCorrection(statement: Statement): Pick<Listing, 'corrected' | 'correctedDate'> {
  const latest = statement.corrections.at(-1);
  return latest ? { corrected: latest.date.instant.toISOString(), correctedDate: latest.date.date } : {};
}

/** The same listing, whatever the order of its fields (a listing read back from JSON may differ). */
export function sameListing(a: Listing, b: Listing): boolean {
  return listingText(a) === listingText(b);
}

export function listingText(listing: Listing): string {
  return JSON.stringify(orderedListing(listing));
}

/** The listing with its fields in the schema's order (and nothing else): the same listing, the same JSON. */
export function orderedListing(listing: Listing): Listing {
  const fields = Object.keys(listingSchema.shape) as (keyof Listing)[];
  const ordered = Object.fromEntries(fields.filter((f) => listing[f] !== undefined).map((f) => [f, listing[f]])) as Listing;
  return { ...ordered, translations: listing.translations.map((t) => ({ lang: t.lang, folder: t.folder })) };
}

/** Whether it is listed at `now`: not a draft, and out of its embargo, if any. */
export function isReleased(listing: Pick<Listing, 'embargo' | 'draft'>, now: Date): boolean {
  return !listing.draft && (listing.embargo === undefined || Date.parse(listing.embargo) <= now.getTime());
}

export function released<T extends Pick<Listing, 'embargo' | 'draft'>>(listings: readonly T[], now: Date): T[] {
  return listings.filter((l) => isReleased(l, now));
}

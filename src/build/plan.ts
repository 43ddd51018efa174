/**
 * What a build does, decided from data alone: which statements are built, which are up to date,
 * which fail before rendering, and which published ones are gone. Pure: everything it needs to
 * know of the files (keys, outputs on disk) comes in as values and functions.
 */
import type { Statement } from '../sources/statement.ts';
import { listingOf, sameListing } from '../site/listing.ts';
import type { ManifestEntry } from './manifest.ts';

export interface PlanInput {
  statements: readonly Statement[];
  /** Sources with errors found before rendering. */
  failed: ReadonlySet<string>;
  /** The kinds whose templates loaded. */
  kinds: ReadonlySet<string>;
  /** What the last build published, by source. */
  previous: Readonly<Record<string, ManifestEntry>>;
  /** Build every statement, up to date or not. */
  force: boolean;
  /** The key a statement's outputs would have now, given the images it used last time. */
  keyOf(statement: Statement, media: readonly string[]): string;
  /** Whether every file of a list is in the output folder. */
  present(outputs: readonly string[]): boolean;
  /** Whether a source file still exists. */
  exists(file: string): boolean;
}

export interface BuildPlan {
  build: Statement[];
  upToDate: string[];
  /** Statements that fail before rendering: errors in their source, or a kind whose templates did not load. */
  failed: string[];
  /** Published sources that no longer exist: their outputs go. */
  gone: string[];
}

export function planBuild(input: PlanInput): BuildPlan {
  const plan: BuildPlan = { build: [], upToDate: [], failed: [...input.failed], gone: [] };
  for (const s of input.statements) {
    if (!input.kinds.has(s.kind) || input.failed.has(s.file)) {
      if (!plan.failed.includes(s.file)) plan.failed.push(s.file);
    } else if (upToDate(s, input)) {
      plan.upToDate.push(s.file);
    } else {
      plan.build.push(s);
    }
  }
  plan.gone = Object.keys(input.previous).filter((file) => !input.exists(file));
  plan.failed.sort();
  return plan;
}

/** Its outputs are there, made from the same inputs, and list it as it would be listed now. */
function upToDate(s: Statement, input: PlanInput): boolean {
  const entry = input.force ? undefined : input.previous[s.file];
  return entry?.listing !== undefined && entry.slug === s.folder && entry.key === input.keyOf(s, entry.media) && sameListing(entry.listing, listingOf(s)) && input.present(entry.outputs);
}

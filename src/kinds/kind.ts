/**
 * The contract of a kind of statement (a press release, a UN submission...): what it adds to the
 * common front matter, what it checks, how it changes the text before every format renders it,
 * and what its templates and documents are given. A kind with templates but no code of its own
 * (any folder of templates/ with a page.hbs and a text.hbs) behaves as the press release does.
 * Outside kinds/, no code names a kind: it asks the kind.
 */
import type { Root } from 'mdast';
import type { z } from 'zod';
import type { Diagnostic } from '../report/diagnostic.ts';
import type { WordCount } from '../report/reporter.ts';
import type { Organization } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import type { WordDocument } from '../formats/docx/word-document.ts';

export type Locate = (path: readonly (string | number)[], options?: { key?: boolean }) => { line: number; column: number };

/** What a kind's own checks see: every statement of the kind, whatever else is wrong with it. */
export interface KindInput {
  file: string;
  /** The front matter: validated (this kind's own fields included) when `valid`, as written otherwise. */
  fields: Record<string, unknown>;
  valid: boolean;
  /** Whether nothing else is wrong: only then may the body be parsed (it may be pathological otherwise). */
  complete: boolean;
  /** Where a field is written, for positioned problems. */
  locate: Locate;
  body: string;
  bodyLine: number;
  lang: string;
  /** The kind's settings, loaded once per build (loadSettings). */
  settings: unknown;
}

/** The line a report gives a statement of this kind, e.g. its word count against a limit. */
export type KindSummary = WordCount;

export interface Kind {
  name: string;
  /** Front-matter fields of this kind only: any other kind's statement that uses one is told so. */
  fields: Record<string, z.ZodType>;
  /** Example of its required fields, for the message when one is missing. */
  example?: string;
  /** Whether its text opens with a dateline (and so whether a location is expected). */
  dateline: boolean;
  /** Its settings (e.g. the UN profiles), read once per build from the project; problems positioned. */
  loadSettings?(readFile: (file: string) => Promise<string | undefined>): Promise<{ settings: unknown; diagnostics: Diagnostic[] }>;
  /**
   * Its checks, and the data its outputs need (kept in `statement.kindData`; needed only when
   * the input is `complete`). Called for every statement of the kind, valid or not elsewhere.
   * `proof`, with errors of its own only: the statement is still built, as a proof marked with
   * these words on every page, never listed or sent (a UN submission over its word limit).
   */
  check?(input: KindInput): { data?: unknown; diagnostics: Diagnostic[]; proof?: string };
  /** The text as every format renders it (e.g. numbered paragraphs); the tree given is not changed. */
  transform?(body: Root, statement: Statement): Root;
  /** What its templates get besides the common view (e.g. `submission`). */
  view?(statement: Statement, organization: Organization, strings: Record<string, string>): Record<string, unknown>;
  /** What its text template gets besides the common parts, wrapped at `width`. */
  textParts?(statement: Statement, organization: Organization, width: number): Record<string, string>;
  /** Its Word file, when it has one. */
  wordDocument?(statement: Statement, organization: Organization, body: Root, options: { date: Date; pageLabel?: string; mark?: string }): WordDocument | undefined;
  /** Front-matter lines of its own for `clarion new`, every field explained (its settings, e.g. the profiles, to name the choices). */
  starter?(settings: unknown): string[];
  /** What the first paragraph of a new statement says. */
  starterText?: string;
  /** Its line in the reports of check and build. */
  summary?(statement: Statement): KindSummary | undefined;
}

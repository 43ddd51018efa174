/**
 * The output formats, and the one list of them: `--formats`, the help text, the links on each
 * page and in the newsroom, what a build renders and prints, and what the manifest records all
 * come from here. A format is a folder of formats/ and one line below.
 */
import type { Statement } from '../sources/statement.ts';
import { card } from './card/index.ts';
import { docx } from './docx/format.ts';
import { eml } from './eml/index.ts';
import type { OutputFormat, View } from './format.ts';
import { html } from './html/index.ts';
import { pdf } from './pdf/index.ts';
import { text } from './text/index.ts';
import { thumbnail } from './thumbnail/index.ts';

export type { BrowserJob, FormatInput, Output, OutputFormat, Rendered, View, Views } from './format.ts';

const REGISTRY: OutputFormat[] = [html, text, pdf, docx, eml, card, thumbnail];

/** Every format, in the order builds make them. */
export function allFormats(): readonly OutputFormat[] {
  return REGISTRY;
}

export function formatNames(): string[] {
  return REGISTRY.map((f) => f.name);
}

/** Adds a format (an extension's, or a test's); `unregisterFormat` takes it away again. */
export function registerFormat(format: OutputFormat): void {
  if (REGISTRY.some((f) => f.name === format.name)) throw new Error(`a format named "${format.name}" is already registered`);
  REGISTRY.push(format);
}

export function unregisterFormat(name: string): void {
  const index = REGISTRY.findIndex((f) => f.name === name);
  if (index >= 0) REGISTRY.splice(index, 1);
}

export class UnknownFormatError extends Error {}

/**
 * The formats to build, in the registry's order: all of them, or those named (an unknown name is
 * an error naming the known ones). A format that requires another (a thumbnail, the PDF) is
 * left out when that one is not built.
 */
export function selectFormats(names?: readonly string[]): OutputFormat[] {
  for (const name of names ?? []) {
    if (!REGISTRY.some((f) => f.name === name)) throw new UnknownFormatError(`unknown format "${name}" — use one or more of ${formatNames().join(', ')}`);
  }
  const chosen = names ? REGISTRY.filter((f) => names.includes(f.name)) : [...REGISTRY];
  return chosen.filter((f) => (f.requires ?? []).every((r) => chosen.some((c) => c.name === r)));
}

/** The views that the given formats are made from, for a statement. */
export function viewsNeeded(formats: readonly OutputFormat[]): Set<View> {
  return new Set(formats.flatMap((f) => f.needs));
}

export function builds(formats: readonly OutputFormat[], name: string): boolean {
  return formats.some((f) => f.name === name);
}

export interface FormatLink {
  format: string;
  label: string;
  href: string;
  type: string;
}

/** The links a page or the newsroom gives to a statement's files, for the formats built that apply to it. */
export function formatLinks(statement: Statement | { slug: string; folder: string; formats: readonly string[] }, formats: readonly OutputFormat[], strings: Record<string, string>): FormatLink[] {
  const applies = (f: OutputFormat) => ('formats' in statement ? statement.formats.includes(f.name) : f.appliesTo(statement));
  return formats
    .filter((f) => f.link && applies(f))
    .sort((a, b) => a.link!.rank - b.link!.rank)
    .map((f) => {
      const file = f.files(statement as Statement).find((p) => p.startsWith(`${statement.folder}/`))!;
      return { format: f.name, label: strings[f.link!.label] ?? f.link!.fallback, href: file.slice(statement.folder.length + 1), type: f.link!.type };
    });
}

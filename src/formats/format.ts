/**
 * The contract of an output format (the web page, the text release, the PDF, the Word file...):
 * which statements it applies to, what it is made from, whether the browser prints it, and how
 * it renders. Adding a format is a folder of formats/ and one line in formats/index.ts.
 */
import type { Diagnostic } from '../report/diagnostic.ts';
import type { Organization } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import type { BrowserPrinter } from '../print/printer.ts';
import type { Staged } from '../print/page-pool.ts';
import type { WordDocument } from './docx/word-document.ts';

/** The renderings of a statement that formats are made from (formats/views.ts makes them). */
export interface Views {
  /** The web page. */
  html?: string;
  /** The plain-text release. */
  text?: string;
  /** The HTML printed to PDF. */
  print?: string;
  /** The email version of the page (not yet made email-safe). */
  email?: string;
  /** The share card page (1200×630). */
  card?: string;
  /** The Word document, for a kind that has one. */
  word?: WordDocument;
}

export type View = keyof Views;

export interface Output {
  /** Path inside the output folder, e.g. `forty-mosques/forty-mosques.pdf`. */
  path: string;
  content: string | Uint8Array;
}

/** What a format the browser makes is given: the printer, and a place to stage the page it prints. */
export interface BrowserJob {
  printer: BrowserPrinter;
  /**
   * A place for the page in the build's staging folder (as deep as the statement's own page, so
   * its relative URLs resolve alike), written there only if a browser page must load it from the
   * file (print/page-pool.ts).
   */
  stage(html: string, suffix?: string): { htmlFile: string; staged: Staged };
  /** What the page may load: the build's assets, its staging folder, statements/. */
  allowedRoots: string[];
  timeoutMs?: number;
  /** Names the statement in the printer's errors. */
  label: string;
}

export interface FormatInput {
  statement: Statement;
  views: Views;
  organization: Organization;
  /** What earlier formats made for this statement, by format (a thumbnail takes the PDF). */
  made: ReadonlyMap<string, readonly Output[]>;
  /** The web page's absolute URL, when the organisation has a website. */
  pageUrl?: string;
  /** Clarion's name and version, for documents that name their producer. */
  generator: string;
  /** The date stamped into documents: SOURCE_DATE_EPOCH, or the statement's. */
  documentDate: Date;
  /** For formats the browser makes. */
  browser?: BrowserJob;
}

export interface Rendered {
  outputs: Output[];
  /** Problems found while rendering (a missing sender address...); an error fails the statement. */
  diagnostics?: Diagnostic[];
  /** What the browser refused to load, e.g. `blocked request to https://...`. */
  warnings?: string[];
}

export interface FormatLinkSpec {
  /** The locale word of the link's label, and its English fallback. */
  label: string;
  fallback: string;
  type: string;
  /** Its place among a page's links (lower first). */
  rank: number;
}

export interface OutputFormat {
  /** The `--formats` name. */
  name: string;
  /** What the help text says of it. */
  description: string;
  /** Whether it is made for this statement (the Word file: for kinds that have one). */
  appliesTo(statement: Statement): boolean;
  /** The views it is made from. */
  needs: readonly View[];
  /** Formats whose outputs it takes when they are built too (they run first). */
  after?: readonly string[];
  /** What its failure is called in messages, e.g. "the PDF". */
  noun?: string;
  /** Made only when these formats are built too (a thumbnail is drawn from the PDF). */
  requires?: readonly string[];
  /** Printed or captured by the browser. */
  browser: boolean;
  /** Its files for a statement, relative to the output folder. */
  files(statement: Statement): string[];
  /** The link pages and the newsroom give to it, when they do. */
  link?: FormatLinkSpec;
  render(input: FormatInput, signal?: AbortSignal): Promise<Rendered>;
  /**
   * Loads what it renders with, for a format that loads it on first use: a build calls it while
   * Chromium starts, so that the first statement's outputs do not wait for it.
   */
  load?(): Promise<unknown>;
}

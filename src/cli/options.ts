/**
 * What a command line asks for, once read. No imports, so the stages that take these options
 * (build, watch, preview, send) never depend on the command line itself.
 */
export const COMMAND_NAMES = ['check', 'build', 'new', 'import', 'preview', 'schema', 'send'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Each command fills in the options it takes; the others keep these defaults. */
export interface CliOptions {
  /** check, build: statements or folders; send: the statement; new: the headline's words; import: the Word document. */
  paths: string[];
  strict: boolean;
  json: boolean;
  /** build, preview, send: the output folder (default dist); schema: its folder (default schema); import: the statement file ('' for statements/<slug>.md). */
  out: string;
  formats?: string[];
  concurrency?: number;
  quiet: boolean;
  /** The moment embargoes are compared with (default: SOURCE_DATE_EPOCH, else the clock). */
  now?: Date;
  /** Rebuild everything, whatever the manifest says. */
  force?: boolean;
  /** Seconds a PDF may take to print before it fails (default 60). */
  timeout?: number;
  /** send: the press list (CSV or YAML). */
  to?: string;
  /** send: really send (default: a dry run). */
  yes: boolean;
  /** send: re-send the corrected release to those who got it before. */
  correction?: boolean;
  /** send: messages per minute (default 60). */
  rate?: number;
  /** build: rebuild on every change. */
  watch?: boolean;
  /** preview: the port on 127.0.0.1 (default 4000). */
  port?: number;
  /** new, import: the kind and language of the new statement. */
  kind?: string;
  lang?: string;
}

export const DEFAULT_OPTIONS: Readonly<CliOptions> = { paths: [], strict: false, json: false, out: 'dist', quiet: false, yes: false };

/** A command line that cannot be run as given: exit 2 with `clarion: <message>`. */
export class CliUsageError extends Error {}

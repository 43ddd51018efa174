/**
 * The statements of a build, read and validated (from the parse cache when unchanged), with the
 * checks that need the last build: a statement may not take the folder of another that stays
 * published, and a translation links to its versions that stay published while they fail.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promoteWarning } from '../report/diagnostic.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { loadStatements, STATEMENTS_DIR, type LoadedStatements } from '../sources/load-statements.ts';
import { findSources } from '../sources/find-sources.ts';
import type { Statement } from '../sources/statement.ts';
import { foldersTaken, withPublishedTranslations } from '../site/published-set.ts';
import type { ReadOnce } from '../util/read-once.ts';
import type { Manifest } from './manifest.ts';

export interface Sources {
  loaded: LoadedStatements;
  /** The valid statements, their translations counting the published versions. */
  statements: Statement[];
  diagnostics: Diagnostic[];
  /** Sources with errors. */
  failed: Set<string>;
  /** Whether a source exists: a source that is gone is gone whatever the build was asked to do. */
  exists(file: string): boolean;
}

export async function readSources(root: string, options: { paths: readonly string[]; strict?: boolean }, previous: Manifest | undefined, reads: ReadOnce): Promise<Sources> {
  const loaded = await loadStatements(root, options.paths.length ? options.paths : undefined, reads);
  // A build of some statements keeps the others: their sources are still there.
  const found = new Set(loaded.files);
  // A build of some statements asks whether each published source is still there: the sources a
  // whole build would find, listed once (a lookup per source took a quarter of a rebuild in
  // watch mode); what the listing lacks (a refused link) is looked up.
  const onDisk = options.paths.length > 0 ? new Set(await findSources(root, [STATEMENTS_DIR])) : found;
  const exists = (file: string) => found.has(file) || (options.paths.length > 0 && (onDisk.has(file) || existsSync(path.join(root, file))));
  const entries = previous?.statements ?? {};
  const diagnostics = options.strict ? loaded.diagnostics.map(promoteWarning) : [...loaded.diagnostics];
  diagnostics.push(...foldersTaken(loaded.statements, entries, exists));
  // A statement built as a proof in spite of its errors (a submission over its word limit) is built.
  const proofs = new Set(loaded.statements.filter((s) => s.proof).map((s) => s.file));
  const failed = new Set(loaded.files.filter((f) => !proofs.has(f) && diagnostics.some((d) => d.file === f && d.severity === 'error')));
  return { loaded, statements: withPublishedTranslations(loaded.statements, entries, exists), diagnostics, failed, exists };
}


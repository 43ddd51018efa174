/** What a build reports: what it built, kept, removed and found. */
import type { KindSummary } from '../kinds/index.ts';
import { countBySeverity, type Diagnostic } from '../report/diagnostic.ts';

export interface BuildResult {
  built: { file: string; slug: string; outputs: string[] }[];
  /** Statements whose outputs were already up to date. */
  upToDate: string[];
  failed: string[];
  diagnostics: Diagnostic[];
  /** Files written (a build with nothing to do writes none). */
  files: number;
  /** Outputs of deleted or renamed statements, and site files the site no longer has, that were removed. */
  removed: string[];
  browserLaunched: boolean;
  /**
   * Every published statement after this build, the site's statements: those built or up to date,
   * and those that failed but whose previous outputs stay published.
   */
  published: { file: string; slug: string; folder: string; title: string; kind: string }[];
  /** Statements that failed but whose previous outputs stay published (and listed), with their folder. */
  kept: { file: string; folder: string }[];
  /** Each statement's line from its kind (a UN submission's word count against its limit). */
  wordCounts: KindSummary[];
}

export function emptyResult(diagnostics: Diagnostic[] = []): BuildResult {
  return { built: [], upToDate: [], failed: [], diagnostics, files: 0, removed: [], browserLaunched: false, published: [], kept: [], wordCounts: [] };
}

export function buildExitCode(result: BuildResult): 0 | 1 {
  return countBySeverity(result.diagnostics).errors > 0 || result.failed.length > 0 ? 1 : 0;
}

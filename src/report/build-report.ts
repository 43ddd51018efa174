/** What a build tells: problems on stderr; a line per statement built and a summary on stdout (or JSON). */
import type { BuildResult } from '../build/result.ts';
import type { Io } from '../cli/io.ts';
import { formatDiagnostic, sortDiagnostics } from './diagnostic.ts';
import { formatWordCount } from './reporter.ts';

export function reportBuild(io: Io, options: { json?: boolean; quiet?: boolean; out: string }, result: BuildResult, ms: number): void {
  if (options.json) {
    io.stdout(JSON.stringify({ ...result, seconds: Number((ms / 1000).toFixed(2)), diagnostics: sortDiagnostics(result.diagnostics) }, null, 2) + '\n');
    return;
  }
  const diagnostics = sortDiagnostics(result.diagnostics).filter((d) => !options.quiet || d.severity === 'error');
  if (diagnostics.length) io.stderr(diagnostics.map(formatDiagnostic).join('\n') + '\n');
  for (const k of result.kept) io.stderr(`${k.file}: not built; its previous version stays published (${options.out}/${k.folder}/)\n`);
  if (!options.quiet) {
    for (const b of result.built) io.stdout(`${b.file} → ${b.outputs.join(', ')}\n`);
    for (const c of result.wordCounts) io.stdout(`${formatWordCount(c)}\n`);
  }
  const n = result.built.length;
  let summary = `Built ${n} statement${n === 1 ? '' : 's'} (${result.files} file${result.files === 1 ? '' : 's'}) in ${(ms / 1000).toFixed(2)} s`;
  if (result.upToDate.length) summary += `; ${result.upToDate.length} up to date`;
  if (result.removed.length) summary += `; removed ${result.removed.length} old file${result.removed.length === 1 ? '' : 's'}`;
  if (result.failed.length) summary += `; ${result.failed.length} failed: ${result.failed.join(', ')}`;
  io.stdout(summary + '\n');
}

/** On a terminal, a progress bar for builds that take more than a second; elsewhere nothing. */
export function createProgress(io: Io): { update: (done: number, total: number, current: string) => void; done: () => void } | undefined {
  if (!io.isTTY) return undefined;
  const started = Date.now();
  let shown = false;
  return {
    update(done, total, current) {
      if (Date.now() - started < 1000 || total === 0) return;
      shown = true;
      const width = 24;
      const filled = Math.round((done / total) * width);
      io.stderr(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${current.slice(0, 48).padEnd(48)}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

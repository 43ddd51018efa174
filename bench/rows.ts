/** The rows of the benchmark's table: what each measures, its unit, what it is compared with, and the target. */

export interface Row {
  id: RowId;
  n: number;
  value: number;
  /** The value divided by what the row is compared with (`against`), measured in the same run. */
  ratio?: number;
  note?: string;
}

export type RowId =
  | 'bare' | 'html-text' | 'naive' | 'pdf-only' | 'default' | 'first-output' | 'memory'
  | 'version' | 'noop' | 'one-alone' | 'one-changed' | 'watch-html' | 'watch-pdf';

interface RowSpec {
  label: string;
  unit: 'ms/statement' | 'ms' | 'MB' | '% of the build';
  against?: string;
  target?: string;
  /** Whether the value (and ratio) meet the target. */
  met?: (row: Row) => boolean;
}

export const ROWS: Record<RowId, RowSpec> = {
  bare: { label: 'bare unified pipeline (parse, to HTML, stringify)', unit: 'ms/statement' },
  'html-text': { label: 'HTML + text build', unit: 'ms/statement', against: 'bare unified pipeline', target: '≤ 2 ms/statement and ≤ 1.5×', met: (r) => r.value <= 2 && (r.ratio ?? Infinity) <= 1.5 },
  naive: { label: 'naive baseline: a fresh browser per PDF, one at a time (20 statements)', unit: 'ms/statement' },
  'pdf-only': { label: 'PDF-only build', unit: 'ms/statement', against: 'naive baseline', target: '≤ 35 ms/statement', met: (r) => r.value <= 35 },
  default: { label: 'default build (every format)', unit: 'ms/statement', against: 'PDF-only build', target: '≤ 1.6×', met: (r) => (r.ratio ?? Infinity) <= 1.6 },
  'first-output': { label: 'first statement output on disk (default build)', unit: 'ms', against: "the build's time", target: '≤ 10%', met: (r) => (r.ratio ?? Infinity) <= 0.1 },
  memory: { label: 'peak memory, default build, Chromium included', unit: 'MB', target: '< 1,024 MB', met: (r) => r.value < 1024 },
  version: { label: '`clarion --version`', unit: 'ms' },
  noop: { label: 'no-op rebuild', unit: 'ms', against: '`clarion --version`', target: '≤ 3×, no browser', met: (r) => (r.ratio ?? Infinity) <= 3 && !r.note?.includes('browser launched') },
  'one-alone': { label: 'that statement built alone (a project of one)', unit: 'ms' },
  'one-changed': { label: 'one changed statement among N', unit: 'ms', against: 'the statement built alone', target: '≤ 1.3×', met: (r) => (r.ratio ?? Infinity) <= 1.3 },
  'watch-html': { label: 'watch: save → new HTML', unit: 'ms', target: '≤ 100 ms', met: (r) => r.value <= 100 },
  'watch-pdf': { label: 'watch: save → new PDF', unit: 'ms', target: '≤ 400 ms', met: (r) => r.value <= 400 },
};

export const ROW_ORDER = Object.keys(ROWS) as RowId[];

/** A value as the table shows it. */
export function shown(row: Row): string {
  const spec = ROWS[row.id];
  if (spec.unit === 'ms/statement') return `${row.value.toFixed(row.value < 10 ? 2 : 1)} ms/statement`;
  if (spec.unit === 'MB') return `${row.value.toFixed(0)} MB`;
  return `${row.value.toFixed(0)} ms`;
}

export function shownRatio(row: Row): string {
  if (row.ratio === undefined) return '';
  return ROWS[row.id].unit === 'ms' && row.id === 'first-output' ? `${(row.ratio * 100).toFixed(1)}%` : `${row.ratio.toFixed(2)}×`;
}

/**
 * The benchmark's record: bench/results.json keeps every row measured, by label ("before",
 * "after", ...) and N, so that parts run separately (each under ten minutes) add up to one table;
 * bench/results.md is made from it after every run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROW_ORDER, ROWS, shown, shownRatio, type Row } from './rows.ts';

export interface Run {
  machine: string;
  commit: string;
  date: string;
  rows: Row[];
}

type Record = { [label: string]: Run };

export const RESULTS_JSON = path.join(import.meta.dirname, 'results.json');
const RESULTS_MD = path.join(import.meta.dirname, 'results.md');

export function readResults(file = RESULTS_JSON): Record {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record) : {};
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${os.availableParallelism()} cores (${cpu}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function commit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: import.meta.dirname, encoding: 'utf8' }).trim();
  return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', '../src').length ? ' (with uncommitted changes to src/)' : ''}`;
}

/** Adds `rows` to the run labelled `label` (a row measured again replaces the old one) and rewrites both files. */
export function record(label: string, rows: readonly Row[], file = RESULTS_JSON): Record {
  const all = readResults(file);
  const run = all[label] ?? { machine: machine(), commit: commit(), date: '', rows: [] };
  const key = (r: Row) => `${r.id}@${r.n}`;
  const fresh = new Set(rows.map(key));
  run.rows = [...run.rows.filter((r) => !fresh.has(key(r))), ...rows];
  Object.assign(run, { machine: machine(), commit: commit(), date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC' });
  all[label] = run;
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  writeFileSync(RESULTS_MD, markdown(all));
  return all;
}

/** A row measured earlier under the same label (for a ratio when its reference ran in another part). */
export function earlier(label: string, id: Row['id'], n: number): Row | undefined {
  return readResults()[label]?.rows.find((r) => r.id === id && r.n === n);
}

function markdown(all: Record): string {
  const labels = Object.keys(all);
  const lines = ['# Benchmark results', '', 'Made by `npm run bench` (bench/bench.ts) from bench/results.json; every row of a run was measured on the same machine.', ''];
  for (const label of labels) lines.push(`- **${label}**: commit ${all[label]!.commit}, ${all[label]!.date}, ${all[label]!.machine}`);
  const ns = [...new Set(labels.flatMap((l) => all[l]!.rows.map((r) => r.n)))].sort((a, b) => a - b);
  const head = ['row', 'N', ...labels.flatMap((l) => [l, `ratio (${l})`]), 'compared with', 'target', ...(labels.length ? [`met (${labels.at(-1)})`] : [])];
  lines.push('', `| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`);
  for (const id of ROW_ORDER) {
    for (const n of ns) {
      const cells = labels.map((l) => all[l]!.rows.find((r) => r.id === id && r.n === n));
      if (cells.every((c) => !c)) continue;
      const spec = ROWS[id];
      const last = cells.at(-1);
      const met = !spec.met || !last ? '' : spec.met(last) ? 'yes' : 'no';
      const values = cells.flatMap((c) => (c ? [shown(c) + (c.note ? ` (${c.note})` : ''), shownRatio(c)] : ['', '']));
      lines.push(`| ${spec.label} | ${n} | ${values.join(' | ')} | ${spec.against ?? ''} | ${spec.target ?? ''} | ${met} |`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * `npm run bench`: every row of the performance table, each with its ratio, for N = 100, 200 and
 * 1,000 generated statements (bench/rows.ts lists them). Each build runs cold in a process of its
 * own, as users run `clarion`. Results go to bench/results.json (by label) and bench/results.md.
 * Nothing is checked against the clock: numbers to read.
 *
 *   npm run bench -- [--n 100,200,1000] [--parts html,pdf,default,rebuilds] [--label after]
 *
 * Parts run separately add up: a row measured again replaces the old one of the same label and N.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from './generate.ts';
import { rebuildRows } from './rebuilds.ts';
import { earlier, record } from './results.ts';
import { shown, shownRatio, ROWS, type Row } from './rows.ts';
import { benchCli } from './run-cli.ts';
import { defaultRows, htmlRows, naiveRow, pdfRows } from './throughput.ts';

const PARTS = ['html', 'pdf', 'default', 'rebuilds'] as const;
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1]!;
};
const ns = option('--n', '100,200,1000').split(',').map(Number);
const parts = option('--parts', PARTS.join(',')).split(',');
const label = option('--label', 'latest');
for (const part of parts) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`unknown part "${part}": use ${PARTS.join(', ')}`);

/** The generated project for N, kept between runs (the same statements for the same N). */
async function project(n: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `clarion-bench-${n}`);
  if (!existsSync(path.join(dir, 'statements', `statement-${n}.md`))) await generate(dir, n);
  return dir;
}

function print(rows: readonly Row[]): void {
  for (const row of rows) console.log(`  ${ROWS[row.id].label.padEnd(72)} ${shown(row).padStart(18)}  ${shownRatio(row).padStart(7)}${row.note ? `  ${row.note}` : ''}`);
}

const save = (rows: Row[]) => {
  print(rows);
  record(label, rows);
};

await benchCli();
console.log(`Clarion benchmark "${label}": N = ${ns.join(', ')}; parts ${parts.join(', ')} (${os.availableParallelism()} cores)`);
const naive = parts.includes('pdf') ? await naiveRow() : undefined;
if (naive) save([naive]);
for (const n of ns) {
  console.log(`\nN = ${n}`);
  const dir = await project(n);
  if (parts.includes('html')) save(await htmlRows(dir, n));
  if (parts.includes('pdf')) save(await pdfRows(dir, n, naive ?? earlier(label, 'naive', 20)));
  if (parts.includes('default')) save(await defaultRows(dir, n, earlier(label, 'pdf-only', n)));
  if (parts.includes('rebuilds')) save(await rebuildRows(dir, n));
}
console.log('\nWritten to bench/results.json and bench/results.md');

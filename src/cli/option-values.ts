/**
 * The values options take, read and checked: each returns the value or throws a usage error that
 * says what to write instead. Pure.
 */
import { formatNames } from '../formats/index.ts';
import { CliUsageError } from './options.ts';

export { formatNames };

export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliUsageError('--port must be a whole number from 0 to 65535');
  return n;
}

export function rate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 100_000) throw new CliUsageError('--rate must be a number of messages per minute, more than 0');
  return n;
}

export function timeout(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new CliUsageError('--timeout must be a number of seconds from 1 to 3600');
  return n;
}

export function concurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliUsageError('--concurrency must be a whole number from 1 to 64');
  return n;
}

export function now(value: string): Date {
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}(T|$)/.test(value) || Number.isNaN(t)) throw new CliUsageError(`--now "${value}" is not a date-time — write e.g. 2023-11-28T09:00Z`);
  return new Date(t);
}

/** A comma-separated list of the formats a build makes. */
export function formats(value: string): string[] {
  const list = value.split(',').map((f) => f.trim()).filter(Boolean);
  if (list.length === 0) throw new CliUsageError(`--formats needs at least one format — use one or more of ${formatNames().join(', ')}`);
  for (const f of list) {
    if (!formatNames().includes(f)) throw new CliUsageError(`unknown format "${f}" — use one or more of ${formatNames().join(', ')}`);
  }
  return list;
}

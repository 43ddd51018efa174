import type { Statement } from '../sources/statement.ts';

/** The statements whose embargo, if any, has passed at `now`: the only ones the index and feeds list. */
export function released(statements: readonly Statement[], now: Date): Statement[] {
  return statements.filter((s) => isReleased(s, now));
}

export function isReleased(statement: Statement, now: Date): boolean {
  return !statement.embargo || statement.embargo.instant.getTime() <= now.getTime();
}

/** Reproducible builds: SOURCE_DATE_EPOCH (seconds), when set, stands in for every date stamp. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  return Number.isInteger(seconds) && seconds >= 0 ? new Date(seconds * 1000) : undefined;
}

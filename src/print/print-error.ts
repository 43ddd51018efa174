/** How printing fails: a job's own error, and the crash that earns a job one more try. */

/** A job that could not be printed or captured; `label` names it (the statement's source path). */
export class PrintError extends Error {
  override name = 'PrintError';
  constructor(
    readonly label: string,
    message: string,
  ) {
    super(message);
  }
}

/** A browser or page that died under a job: worth one more try. */
export class ChromiumCrash extends Error {}

/** `250 ms`, `1.5 s`, `60 s`. */
export function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * Waiting for a condition instead of sleeping: the condition is checked every few milliseconds
 * and the wait ends as soon as it holds, or fails after `timeoutMs` naming what was awaited.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, options: { timeoutMs?: number; everyMs?: number; what?: string } = {}): Promise<void> {
  const { timeoutMs = 10_000, everyMs = 10, what = 'the condition' } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

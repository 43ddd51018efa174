/** At most `max` tasks at once; the rest wait in order. */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task rather than freeing it.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

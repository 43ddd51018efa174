/** At most `size` holders at once: `enter` waits for room (in order of arrival), `release` makes it. */
export function gate(size: number): { enter: () => Promise<void>; release: () => void; resize: (size: number) => void } {
  let inside = 0;
  const waiting: (() => void)[] = [];
  return {
    enter: () => {
      if (inside < size) {
        inside++;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    resize: (larger: number) => {
      size = Math.max(size, larger);
      while (inside < size && waiting.length > 0) {
        inside++;
        waiting.shift()!();
      }
    },
    release: () => {
      // The room goes straight to the next in line, if any.
      const next = waiting.shift();
      if (next) next();
      else inside = Math.max(0, inside - 1);
    },
  };
}

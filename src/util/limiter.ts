import { gate } from './gate.ts';

/** At most `max` tasks at once; the rest wait in order. */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  const room = gate(max);
  return async (task) => {
    await room.enter();
    try {
      return await task();
    } finally {
      room.release();
    }
  };
}

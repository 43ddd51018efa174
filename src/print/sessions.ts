/**
 * Crash recovery: the running browser with its pool of pages, relaunched by the first job that
 * finds it dead, for every job after it.
 */
import { closeChromium, launchChromium, type Chromium } from './launch-chromium.ts';
import type { PooledPage } from './page-pool.ts';

export interface Session extends Chromium {
  /** Pages ready for the next job (the pool's pages are closed with the browser). */
  idle: PooledPage[];
  /** Pages kept for screenshots, left at the size of the last one: resizing a page costs a frame or two each way. */
  idleCapture: PooledPage[];
}

export interface Sessions {
  /** The running browser; after a crash the first job to notice relaunches it for everyone. */
  live(): Promise<Session>;
  readonly closed: boolean;
  /** Closes the browser; safe to call more than once. */
  close(): Promise<void>;
}

/** Launches Chromium (rejecting if it cannot start) and keeps it running until close(). */
export async function openSessions(executablePath: string): Promise<Sessions> {
  const start = async (): Promise<Session> => ({ ...(await launchChromium(executablePath)), idle: [], idleCapture: [] });
  let closed = false;
  let current = start();
  await current;
  return {
    async live() {
      const pending = current;
      const session = await pending;
      if (!session.browser.connected && current === pending) {
        current = closeChromium(session).then(() => start());
      }
      return current;
    },
    get closed() {
      return closed;
    },
    async close() {
      if (closed) return;
      closed = true;
      const session = await current.catch(() => undefined);
      if (session) await closeChromium(session);
    },
  };
}
